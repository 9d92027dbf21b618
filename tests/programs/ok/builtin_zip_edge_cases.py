def main() -> None:
    print(list(zip()), list(zip([1], [2.5])))
    none: list[int] = []
    print(list(zip([1, 2], none)), list(zip("abc", range(10))))
    print(list(zip([1, 2, 3])))


main()
