def main() -> None:
    print(isinstance([1], list), isinstance({"a": 1}, dict), isinstance((1,), tuple), isinstance({1}, set))
    xs = [1, 2]
    print(isinstance(xs, (list, tuple)), isinstance(xs, (dict, set)))


main()
