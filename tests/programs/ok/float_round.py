def main() -> None:
    print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2))
    print(round(0.5), round(1.5), round(2.5), round(-1.5), round(-0.5))
    print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1))
    print(round(1234.5678, -1), round(1234.5678, -2), round(1e300, 2))
    print(round(0.1 + 0.2, 10), round(5.0), round(-0.4))
    print(round(2.5, 0), round(3.5, 0), round(-2.5, 0))
    x: float = 7.25
    print(round(x, 1), round(x))


main()
