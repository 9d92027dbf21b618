def main() -> None:
    print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a"], key=len))
    print(int("ff", base=16), int("777", base=8))
    print(round(number=2.567, ndigits=1), round(2.567, ndigits=2))
    print("a b c".split(sep=" ", maxsplit=1), "a b c".rsplit(maxsplit=1))
    print(max([1, 5, 3], key=lambda v: -v), min(["xx", "y"], key=len))


main()
