class Shape:
    def area(self) -> float:
        raise NotImplementedError("subclass must implement area")


class Sq(Shape):
    def __init__(self, s: float) -> None:
        self.s: float = s

    def area(self) -> float:
        return self.s * self.s


def main() -> None:
    shapes: list[Shape] = [Sq(3), Shape()]
    for s in shapes:
        try:
            print(s.area())
        except NotImplementedError as e:
            print("NotImplementedError:", e)


main()
