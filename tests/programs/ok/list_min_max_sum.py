def main() -> None:
    xs = [4, -2, 9, 0, 7]
    print(min(xs), max(xs), sum(xs), sum(xs, 100), len(xs))
    fl = [1.5, 2.25, -0.75]
    print(min(fl), max(fl), sum(fl))
    words = ["pear", "fig", "banana"]
    print(min(words), max(words), min(words, key=len), max(words, key=len))
    print(min(3, 7), max(3, 7, 5), min("b", "a"))
    try:
        empty: list[int] = []
        print(max(empty))
    except ValueError as e:
        print("ValueError:", e)
    print(max([2, 5, 5], key=lambda v: -v), min([(1, "b"), (1, "a")]))


main()
