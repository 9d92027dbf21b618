def main() -> None:
    records = [(3, "c"), (1, "z"), (1, "a"), (2, "b")]
    print(sorted(records))
    print(sorted(records, reverse=True))
    print(max(records), min(records))
    print((1, "a") < (1, "b"), (2,) > (1, 99), (1, 2) == (1, 2), (1, 2) != (2, 1))
    print((1, 2.0) == (1, 2), (0, 0) <= (0, 0))
    print(sorted([(2, 1.5), (2, -1.0), (1, 100.0)]))


main()
