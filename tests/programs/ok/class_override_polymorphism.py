import math


class Shape:
    def area(self) -> float:
        return 0.0

    def name(self) -> str:
        return "shape"

    def summary(self) -> str:
        return f"{self.name()} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r: float = r

    def area(self) -> float:
        return math.pi * self.r * self.r

    def name(self) -> str:
        return "circle"


class Rect(Shape):
    def __init__(self, w: float, h: float) -> None:
        self.w: float = w
        self.h: float = h

    def area(self) -> float:
        return self.w * self.h

    def name(self) -> str:
        return "rect"


class Square(Rect):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)

    def name(self) -> str:
        return "square"


def main() -> None:
    shapes: list[Shape] = [Circle(1), Rect(2, 3.5), Square(4), Shape()]
    for s in shapes:
        print(s.summary())
    print(sum(s.area() for s in shapes))
    biggest = max(shapes, key=lambda s: s.area())
    print(biggest.name())


main()
