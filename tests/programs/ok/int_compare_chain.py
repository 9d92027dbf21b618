def main() -> None:
    a, b, c = 1, 2, 3
    print(a < b < c, a < b > c, a == 1 == a, c > b >= 2 > a)
    print(1 < 2 < 3 < 4 < 5, 5 > 4 > 4)
    print(a != b != a, 0 <= a <= 10)
    x = 10 ** 30
    print(x > 2 ** 63 > 0, -x < 0 < x)
    print(3 == 3.0, 2 ** 53 + 1 == 2.0 ** 53 + 1, 1 < 1.5 < 2)


main()
