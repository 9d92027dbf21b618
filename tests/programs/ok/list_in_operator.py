def main() -> None:
    xs = [1, 2, 3]
    print(2 in xs, 5 in xs, 5 not in xs)
    names = ["ann", "bob"]
    print("ann" in names, "Ann" in names)
    nested = [[1], [2, 3]]
    print([2, 3] in nested, [3] in nested)
    fl = [0.5, 1.0]
    print(1 in fl, 0.5 in fl)


main()
