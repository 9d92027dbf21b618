def main() -> None:
    big = 1.7976931348623157e308
    print(big, big * 2, big + 1e292)
    tiny = 5e-324
    print(tiny, tiny / 2, tiny * 0.5, 2.0 ** -1074)
    print(2.2250738585072014e-308, 1e-310)
    print(float(2 ** 1023), 2.0 ** 1023 * 2)
    print(1e200 * 1e200, -1e200 * 1e200, 1e-200 * 1e-200)
    print(float(10 ** 308), float(-(10 ** 308)))


main()
