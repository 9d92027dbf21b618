def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    print(xs.index(1), xs.index(5), xs.index(9))
    print(xs.count(5), xs.count(1), xs.count(7))
    try:
        print(xs.index(7))
    except ValueError as e:
        print("ValueError:", e)
    words = ["a", "b", "a"]
    print(words.count("a"), words.index("b"))
    try:
        print(words.index("z"))
    except ValueError as e:
        print("ValueError:", e)


main()
