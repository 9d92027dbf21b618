def main() -> None:
    xs = [1, 2, 3]
    print((n := len(xs)))  # error: unsupported


main()
