def main() -> None:
    class = "x"  # error: syntax
    print(class)  # error: syntax


main()
