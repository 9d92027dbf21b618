def main() -> None:
    print((1 + 2)  # error: syntax
    print("next")


main()
