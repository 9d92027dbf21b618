from typing import Callable


class Shape:
    def area(self, scale: int) -> int:
        return scale

    def label(self, *, prefix: str) -> str:
        return prefix + "shape"

    @staticmethod
    def unit(n: int) -> int:
        return n


class Square(Shape):
    def __init__(self, side: int) -> None:
        self.side: int = side

    def area(self, scale: int, extra: int = 0) -> int:
        return self.side * self.side * scale + extra

    def label(self, prefix: str) -> str:
        return prefix + "square"

    @staticmethod
    def unit(n: int, step: int = 10) -> int:
        return n * step


def scaled(x: int, factor: int = 2) -> int:
    return x * factor


def apply(fn: Callable[[int], int], value: int) -> int:
    return fn(value)


def describe(shape: Shape) -> str:
    return f"{shape.area(2)} {shape.label(prefix='a ')}"


handler: Callable[[int], int] = scaled
print(handler(5), apply(scaled, 6))
both = scaled
print(both(4), both(4, 5))
print(describe(Shape()), describe(Square(3)))
print(Square(2).area(1, 7), Square(2).label("my "))
print(Shape.unit(3), Square.unit(3), Square.unit(3, 2))
print(sorted([3, 1, 2], key=scaled))
