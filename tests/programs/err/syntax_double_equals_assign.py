def main() -> None:
    x = = 1  # error: syntax
    print(x)


main()
