def main() -> None:
    fs = frozenset([1, 2])  # error: unsupported
    print(len(fs))


main()
