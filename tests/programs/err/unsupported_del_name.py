def main() -> None:
    temp = [1, 2]
    print(temp)
    del temp  # error: unsupported


main()
