def main() -> None:
    d: dict[float, str] = {}
    d[1] = "int one"
    d[1.0] = "float one"
    d[True] = "bool one"
    d[0.5] = "half"
    print(d)
    print(len(d), d[1], d.get(0.5), d.get(2.0))
    print(hash(0.5), hash(2.0) == hash(2), hash(-1.0))
    seen: set[float] = {1, 1.0, 2, 2.5}
    print(sorted(seen))


main()
