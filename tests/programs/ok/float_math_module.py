import math


def main() -> None:
    print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25))
    print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
    print(math.floor(5), math.ceil(5), math.isqrt(99), math.isqrt(10 ** 40))
    print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6))
    print(math.pi, math.e)
    print(math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000))
    print(math.exp(0), math.exp(1), math.sin(0), math.cos(0))
    print(round(math.sin(math.pi / 2), 12), round(math.tan(math.pi / 4), 12))
    print(math.atan2(1, 1), math.hypot(3, 4), math.fabs(-3), math.pow(2, 10))
    print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
    print(math.isclose(0.0, 1e-9, abs_tol=1e-8))


main()
