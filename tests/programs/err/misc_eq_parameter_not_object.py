class Point:
    def __init__(self, x: int) -> None:
        self.x: int = x

    def __eq__(self, other: "Point") -> bool:  # error: misc
        return self.x == other.x


print(Point(1) == Point(1))
