def main() -> None:
    words = ["kiwi", "banana", "fig", "cherry"]
    print(min(words, key=len), max(words, key=len))
    print(min(words, key=lambda w: w[-1]), max(words, key=lambda w: (len(w), w)))
    print(max(3, 9, 4), min(3.5, 2, 8), max("a", "b", "ab"))
    print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs))
    points = [(1, 5), (3, 2), (2, 9)]
    print(max(points, key=lambda p: p[1]), min(points))
    print(max(words, key=len) is words[1])


main()
