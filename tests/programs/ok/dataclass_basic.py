from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Person:
    name: str
    age: int
    email: str


def main() -> None:
    p = Point(1, 2)
    print(p, repr(p), str(p))
    print(p.x, p.y)
    print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 3))
    p.x = 5
    print(p)
    ann = Person("Ann", 30, "ann@example.com")
    print(ann)
    print([Point(0, 0), Point(-1, 1)])


main()
