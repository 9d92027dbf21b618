def main() -> None:
    1 = x  # error: syntax


main()
