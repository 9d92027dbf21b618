from dataclasses import dataclass


@dataclass(frozen=True)
class Coord:
    row: int
    col: int

    def neighbors(self) -> list["Coord"]:
        return [Coord(self.row + dr, self.col + dc) for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1)]]


def main() -> None:
    a = Coord(1, 1)
    b = Coord(1, 1)
    print(a, a == b, hash(a) == hash(b))
    seen = {a, b, Coord(0, 0)}
    print(len(seen))
    costs: dict[Coord, int] = {a: 5}
    print(costs[b], Coord(2, 2) in costs)
    print(sorted((c.row, c.col) for c in a.neighbors()))
    print(sorted([(c.row, c.col) for c in seen]))


main()
