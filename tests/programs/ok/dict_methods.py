def main() -> None:
    d = {"a": 1, "b": 2, "c": 3}
    print(d.pop("b"), d)
    print(d.pop("zz", 0), d)
    print(d.setdefault("a", 100), d.setdefault("d", 4), d)
    d.update({"a": 10, "e": 5})
    print(d)
    other = {"f": 6}
    d.update(other)
    print(d)
    e = d.copy()
    e["a"] = -1
    print(d["a"], e["a"], e == d)
    e.clear()
    print(e, len(d))
    lists: dict[str, list[int]] = {}
    lists.setdefault("x", []).append(1)
    lists.setdefault("x", []).append(2)
    print(lists)


main()
