def main() -> None:
    index: dict[list[int], str] = {}  # error: misc
    print(index)


main()
