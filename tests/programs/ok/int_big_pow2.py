def main() -> None:
    x = 2 ** 200
    print(x)
    print(x - 1, x + 1)
    print(-x)
    print(x // 3, x % 1000007)
    print(x * x)
    print(x // (2 ** 199), x / 2 ** 190)
    print(2 ** 63 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
    print(2 ** 64 - 1, 2 ** 64)
    print(x == 2 ** 200, x > 2 ** 199, x < -x)
    print(abs(-x) == x, max(x, 3), min(-x, 3) == -x)


main()
