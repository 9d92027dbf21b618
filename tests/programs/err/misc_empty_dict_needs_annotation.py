def main() -> None:
    table = {}  # error: misc
    print(len(table))


main()
