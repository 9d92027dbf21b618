from dataclasses import dataclass


@dataclass
class Rect:
    width: float
    height: float
    label: str = "rect"

    def area(self) -> float:
        return self.width * self.height


def main() -> None:
    r1 = Rect(width=2, height=3)
    r2 = Rect(height=3, width=2)
    r3 = Rect(2, height=3, label="third")
    print(r1, r2, r3)
    print(r1 == r2, r1 == r3, r1.area(), Rect(1.5, 2).area())


main()
