def main() -> None:
    seen: set[str] = set()
    seen.add(1)  # error: arg-type
    print(seen)


main()
