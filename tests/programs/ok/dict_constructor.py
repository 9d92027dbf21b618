def main() -> None:
    pairs = [("a", 1), ("b", 2)]
    d = dict(pairs)
    print(d)
    copy = dict(d)
    copy["c"] = 3
    print(d, copy)
    zipped = dict(zip(["x", "y"], [1.5, 2.5]))
    print(zipped)
    empty: dict[int, int] = dict()
    print(empty)
    from_enum = dict(enumerate("abc"))
    print(from_enum)


main()
