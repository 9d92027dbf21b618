def main() -> None:
    print(float("3.14"), float(" -1e3 "), float("1_000.5"), float(".5"), float("5."))
    print(float("inf"), float("-Infinity"), float("nan"), float("+1.5E-3"))
    print(float(7), float(-7), float(2 ** 70), float("0"), float("-0"))
    print(str(1.0), str(-1.5), str(1e100), str(123.456), repr(1e-10))
    for text in ["abc", "", "1.2.3", "1e", "--1"]:
        try:
            print(float(text))
        except ValueError as e:
            print("ValueError:", e)


main()
