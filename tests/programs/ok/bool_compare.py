def main() -> None:
    t = True
    two = 2
    print(t == 1, False == 0, t == 1.0, t != two, False < t, t > 0.5)
    print(isinstance(True, int), isinstance(1, bool), isinstance(False, bool))
    print(sorted([True, False, True, False]), max([False, True]))
    print(True is True, (1 > 0) is True, (1 < 0) is False)
    bs = [1 < 2, 2 < 1, 3 == 3]
    print(bs, bs.count(True), bs.index(False))


main()
