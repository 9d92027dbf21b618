def main() -> None:
    items = []  # error: misc
    print(len(items))


main()
