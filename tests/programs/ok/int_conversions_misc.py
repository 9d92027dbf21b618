def main() -> None:
    print(int(True) + 1, int("  12  "), int(7.0), int(-0.5), int(2.9999))
    print(str(-0), str(10 ** 3), repr(42), str(-42))
    print(abs(-5), abs(5), abs(0), abs(-(10 ** 25)))
    print(min(3, 1, 2), max(3, 1, 2), min([4, -4]), max([-1, -2]))
    print(float(3), float(-(2 ** 60)), float(True))
    print(bool(0), bool(-1), bool(10 ** 40))


main()
