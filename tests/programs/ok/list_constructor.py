def main() -> None:
    print(list("abc"), list(range(5)), list((1, 2)), list({"a": 1, "b": 2}))
    print(list(range(10, 0, -3)), list([1, 2]) == [1, 2])
    print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(zip([1, 2], "xy")))
    d = {"x": 1.5}
    print(list(d.items()), list(d.keys()), list(d.values()))
    print(sorted(set([3, 1, 2])), list(sorted({5, 4})))


main()
