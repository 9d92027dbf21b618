def main() -> None:
    print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
    print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
    print(round(7), round(7, 2), round(123456789, -5))
    print(round(2.4), round(2.6), round(-2.6))
    print(round(10 ** 20 + 1, -1))


main()
