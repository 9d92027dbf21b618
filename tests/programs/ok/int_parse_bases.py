def main() -> None:
    print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
    print(int("777", 8), int("0o777", 0), int("1010", 2), int("0b1010", 0))
    print(int("z", 36), int("Zz", 36), int("10", 3))
    print(int(" -42 "), int("+17"), int("1_000"), int("0"))
    print(int("-0"), int("\t 5\n"))
    print(int(3.99), int(-3.99), int(True), int(False), int(1e20))
    for text, base in [("12", 2), ("", 10), ("0x", 16), ("1__0", 10), ("9", 8)]:
        try:
            print(int(text, base))
        except ValueError as e:
            print("ValueError:", e)


main()
