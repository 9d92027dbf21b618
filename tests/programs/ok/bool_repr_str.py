def main() -> None:
    print(True, False, str(True), repr(False))
    print([True, False], (True,), {True: False})
    print(bool(""), bool("0"), bool(" "), bool([0]), bool(0.0), bool(-0.0), bool(0.1))
    print(bool(None), bool(0), bool(-5), bool({0: 0}), bool(()), bool((0,)))
    print(bool({1}), bool(range(0)), bool(range(1)))
    print(f"{True} {False!r} {True:>6} {int(True):03d}")


main()
