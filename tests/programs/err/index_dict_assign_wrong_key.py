def main() -> None:
    counts: dict[str, int] = {}
    counts[1] = 1  # error: index
    print(counts)


main()
