def main() -> None:
    print(any([False, False, True]), all([True, 1 > 0]))
    print(any([0, 0, 3]), all([1, 2, 0]), any(["", "x"]), all(["a", ""]))
    nums = [2, 4, 6]
    print(all(n % 2 == 0 for n in nums), any(n > 5 for n in nums))
    words = ["apple", "Avocado"]
    print(all(w.lower().startswith("a") for w in words))
    empty: list[str] = []
    print(any(empty), all(empty))


main()
