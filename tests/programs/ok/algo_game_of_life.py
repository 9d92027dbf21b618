def step(live: set[tuple[int, int]]) -> set[tuple[int, int]]:
    counts: dict[tuple[int, int], int] = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def render(live: set[tuple[int, int]], size: int) -> str:
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(size)) for r in range(size))


def main() -> None:
    glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
    cells = glider
    for gen in range(4):
        print(f"gen {gen}:")
        print(render(cells, 6))
        cells = step(cells)
    for _ in range(20):
        cells = step(cells)
    print(sorted(cells))


main()
