def main() -> None:
    xs = [1, 2, 3]
    first, *rest = xs  # error: unsupported
    print(first)


main()
