def main() -> None:
    continue  # error: syntax


main()
