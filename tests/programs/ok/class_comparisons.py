class Score:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Score) and self.v == other.v

    def __lt__(self, other: "Score") -> bool:
        return self.v < other.v

    def __le__(self, other: "Score") -> bool:
        return self.v <= other.v

    def __gt__(self, other: "Score") -> bool:
        return self.v > other.v

    def __ge__(self, other: "Score") -> bool:
        return self.v >= other.v

    def __hash__(self) -> int:
        return self.v


def main() -> None:
    a, b, c = Score(1), Score(2), Score(2)
    print(a < b, a <= b, a > b, a >= b, b == c, b != c, b <= c, b >= c, b < c)
    print(a < b < Score(3), max([a, b], key=lambda s: s.v).v)
    print(sorted([Score(3), a, b], reverse=True)[0].v)


main()
