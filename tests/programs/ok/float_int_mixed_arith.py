def main() -> None:
    a = 3
    b = 0.5
    print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
    print(b + a, b * a, 2 * 0.1, 10 - 0.1, 1 + 1e-16)
    print(a * 1.0, a + 0.0, -a * 0.0, 0.0 * -1)
    print(10 ** 20 + 0.5, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
    print(True + 0.5, 3 / True, abs(-2.5), abs(-0.0))
    print(max(1, 2.5), min(1, 2.5), max(3, 2.5), sum([1, 2.5, 3]))


main()
