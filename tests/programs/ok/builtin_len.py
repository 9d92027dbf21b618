def main() -> None:
    print(len("hello"), len(""), len([1, 2]), len(()), len((1,)), len({"a": 1}), len({1, 2, 2}))
    print(len(range(3, 30, 3)), len("日本😀"), len([[1], [2]]), len("\n\t"))
    xs = list(range(100))
    print(len(xs[::7]), len(xs[90:200]))


main()
