import math
import math as m
from math import sqrt, pi as PI, floor


def main() -> None:
    print(math.sqrt(9), m.sqrt(9), sqrt(9))
    print(PI == math.pi, floor(-0.5), m.ceil(0.5))
    print(round(m.cos(PI), 10), math.gcd(84, 36))


main()
