class Point:
    __slots__ = ("x", "y")  # error: unsupported

    def __init__(self, x: int, y: int) -> None:
        self.x: int = x
        self.y: int = y


print(Point(1, 2).x)
