def main() -> None:
    a, b = 1, 2, 3  # error: misc
    print(a, b)


main()
