class Point:
    x: int
    y: int

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y

    def moved(self, dx: int, dy: int) -> "Point":
        return Point(self.x + dx, self.y + dy)

    def describe(self) -> str:
        return f"({self.x}, {self.y})"


def main() -> None:
    p = Point(1, 2)
    q = p.moved(3, -1)
    print(p.describe(), q.describe())
    p.x = 10
    print(p.x, p.y, p.describe())
    pts = [Point(i, i * i) for i in range(3)]
    print([pt.describe() for pt in pts])


main()
