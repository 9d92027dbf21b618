def main() -> None:
    xs = ["a", "b"]
    print(*xs)  # error: unsupported


main()
