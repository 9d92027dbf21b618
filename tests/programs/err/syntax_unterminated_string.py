def main() -> None:
    print("unterminated)  # error: syntax


main()
