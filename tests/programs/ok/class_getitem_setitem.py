class Grid:
    def __init__(self, w: int, h: int) -> None:
        self.w: int = w
        self.h: int = h
        self.cells: list[int] = [0] * (w * h)

    def __getitem__(self, pos: tuple[int, int]) -> int:
        x, y = pos
        return self.cells[y * self.w + x]

    def __setitem__(self, pos: tuple[int, int], value: int) -> None:
        x, y = pos
        self.cells[y * self.w + x] = value

    def __len__(self) -> int:
        return self.w * self.h


class Registry:
    def __init__(self) -> None:
        self.data: dict[str, int] = {}

    def __getitem__(self, key: str) -> int:
        return self.data[key]

    def __setitem__(self, key: str, value: int) -> None:
        self.data[key] = value


def main() -> None:
    g = Grid(3, 2)
    g[1, 1] = 5
    g[(2, 0)] = 7
    g[0, 0] += 1
    print(g[1, 1], g[2, 0], g[0, 0], g.cells, len(g))
    r = Registry()
    r["a"] = 1
    r["a"] += 10
    print(r["a"])
    try:
        print(r["missing"])
    except KeyError as e:
        print("KeyError:", e)


main()
