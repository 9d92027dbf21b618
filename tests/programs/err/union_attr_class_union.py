class Shape:
    pass


class Circle(Shape):
    def radius(self) -> float:
        return 1.0


class Square(Shape):
    def side(self) -> float:
        return 2.0


def measure(s: Circle | Square) -> float:
    return s.radius()  # error: union-attr


print(measure(Circle()))
