def main() -> None:
    print(int("12"), int(12.9), int(-12.9), int(True), float("1.5"), float(3), str(4.0))
    print(bool(1), bool(""), list("ab"), tuple([1, 2]), sorted(set([2, 1])), dict([(1, "a")]))
    print(str(int(float("3.0"))), float(str(0.1)) == 0.1, int(str(-99)))
    print(bool([0]) or bool([1]), list(tuple(list("xy"))))


main()
