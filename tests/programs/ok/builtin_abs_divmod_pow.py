def main() -> None:
    print(abs(-7), abs(7), abs(-7.5), abs(0.0), abs(-0.0), abs(False), abs(-(2 ** 80)))
    print(divmod(9, 4), divmod(-9, 4), divmod(9.5, 2), divmod(-9.5, 2.5))
    print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(5, 3, 7), pow(-2, 5, 7))
    print(pow(2, 0.5), pow(10, 20), pow(0, 0))
    print(pow(3, -1, 7))


main()
