moves: list[tuple[str, str]] = []


def hanoi(n: int, src: str, dst: str, via: str) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)


def main() -> None:
    hanoi(3, "A", "C", "B")
    print(len(moves), moves)
    moves.clear()
    hanoi(16, "A", "C", "B")
    print(len(moves), moves[-1], 2 ** 16 - 1)


main()
