def main() -> None:
    t = True
    f = False
    print(t + t, t * 3, -t, t / 2, t - f, t // 1, t % 2)
    print(t << 3, ~t, ~f, t & f, t | f, t ^ t)
    print(sum([True, False, True, True]), max(True, 2), min(False, -1))
    flags = [True, False, True]
    print(sum(flags) / len(flags))
    n: int = True
    n += 1
    print(n)
    print(True ** 2, 2 ** True, abs(True), round(True))


main()
