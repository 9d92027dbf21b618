def main() -> None:
    x = 5
    print(type(x))  # error: unsupported


main()
