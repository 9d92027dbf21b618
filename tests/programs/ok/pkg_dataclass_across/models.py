from dataclasses import dataclass
import math


@dataclass(frozen=True, order=True)
class Point:
    x: float
    y: float


@dataclass
class Segment:
    a: Point
    b: Point

    def length(self) -> float:
        return math.hypot(self.b.x - self.a.x, self.b.y - self.a.y)


def origin() -> Point:
    return Point(0, 0)
