def main() -> None:
    d: dict[str, int] = {}
    for k in ["z", "a", "m", "b"]:
        d[k] = len(d)
    print(d)
    d["a"] = 100
    print(list(d))
    del d["z"]
    d["z"] = -1
    print(d)
    v = d.pop("m")
    d["m"] = v
    print(list(d.items()))
    nums = {3: "c", 1: "a", 2: "b"}
    print(nums, sorted(nums), list(nums.values()))


main()
