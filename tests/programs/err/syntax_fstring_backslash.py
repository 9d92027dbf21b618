def main() -> None:
    words = ["a", "b"]
    print(f"{'\n'.join(words)}")  # error: syntax


main()
