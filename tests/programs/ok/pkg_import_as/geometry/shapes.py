import math


class Shape:
    def area(self) -> float:
        return 0.0

    def name(self) -> str:
        return "shape"


class Square(Shape):
    def __init__(self, side: float) -> None:
        self.side: float = side

    def area(self) -> float:
        return self.side * self.side

    def name(self) -> str:
        return "square"


class Circle(Shape):
    def __init__(self, r: float) -> None:
        self.r: float = r

    def area(self) -> float:
        return math.pi * self.r ** 2

    def name(self) -> str:
        return "circle"
