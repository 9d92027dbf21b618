def main() -> None:
    print(sorted(set("mississippi")), sorted(set(range(5))), sorted(set((2, 1, 2))))
    d = {"b": 1, "a": 2}
    print(sorted(set(d)), sorted(set(d.values())))
    e: set[int] = set()
    print(e, repr(e), len(e))
    single = {7}
    print(single, {"only"})
    fs: set[float] = {0.5}
    print(fs)


main()
