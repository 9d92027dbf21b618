from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Particle:
    pos: Point
    mass: float = 1


def main() -> None:
    print(Point(0, 0))
    print(Point(1, 2.5))
    print(Point(True, 3))
    p = Particle(Point(1, 1))
    print(p)
    p.mass = p.mass * 2
    print(p.mass)
    p.mass = 7
    print(p)
    q = Point(3, 4)
    q.x += 1
    print(q, q.x / 2)


main()
