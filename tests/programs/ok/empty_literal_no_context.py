def main() -> None:
    print([], {}, set(), (), list(), dict(), tuple())
    print(bool([]), bool({}), bool(set()), len([[]]), len({}))
    print(any([]), all([]), sorted([]) == [], [] == [], {"a": [], "b": [[]]})
    print(list(zip()), [[[]]])


main()
