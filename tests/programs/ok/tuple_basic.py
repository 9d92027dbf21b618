def main() -> None:
    t = (1, 2, 3)
    print(t, t[0], t[-1], t[1:], t[::-1], len(t))
    print(t + (4, 5), t * 2, (0,) * 3, () + ())
    print(2 in t, 9 in t, t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0))
    mixed = ("a", 1, 2.5, None, True)
    print(mixed, mixed[3] is None)
    nested = ((1, 2), (3, (4, 5)))
    print(nested[1][1][0], nested)
    for item in t:
        print(item, end=",")
    print()


main()
