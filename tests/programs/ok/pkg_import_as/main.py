import geometry.shapes as shapes
import geometry.measure
from geometry import measure as m


def main() -> None:
    sq = shapes.Square(3)
    c = shapes.Circle(1)
    print(geometry.measure.total_area([sq, c]))
    print(m.total_area([sq]))
    print(m.describe(sq), m.describe(c))


main()
