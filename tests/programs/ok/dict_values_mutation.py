def main() -> None:
    totals = {"a": 0, "b": 0}
    for k in ["a", "b", "a", "a"]:
        totals[k] += 1
    print(totals)
    totals["a"] *= 10
    totals["b"] -= 5
    print(totals)
    keys = list(totals.keys())
    for k in keys:
        if totals[k] < 0:
            del totals[k]
    print(totals)


main()
