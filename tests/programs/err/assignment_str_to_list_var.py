def main() -> None:
    words: list[str] = []
    words = "a b c"  # error: assignment
    print(words)


main()
