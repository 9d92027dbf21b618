def main() -> None:
    ages = {"ann": 31, "bob": 25}
    ages["cid"] = 40
    ages["ann"] = 32
    print(ages, len(ages))
    print(ages["bob"], ages.get("bob"), ages.get("zed"), ages.get("zed", -1))
    print("ann" in ages, "zed" in ages, "zed" not in ages)
    print(list(ages.keys()), list(ages.values()), list(ages.items()))
    for name in ages:
        print(name, ages[name])
    empty: dict[str, int] = {}
    print(empty, len(empty), bool(empty))


main()
