from models import Point, Segment, origin
import models


def main() -> None:
    s = Segment(origin(), Point(3, 4))
    print(s, s.length())
    pts = sorted([Point(2, 1), Point(1, 5), Point(1, 2)])
    print(pts)
    print(models.Point(0, 0) == origin(), {origin(): "o"}[Point(0, 0)])


main()
