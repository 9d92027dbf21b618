def main() -> None:
    for ch in "abc":
        print(ch, ord(ch))
    counts: dict[str, int] = {}
    for ch in "hello world":
        if ch != " ":
            counts[ch] = counts.get(ch, 0) + 1
    print(counts)
    for i, ch in enumerate("xyz", start=1):
        print(i, ch)
    for ch in reversed("abc"):
        print(ch, end="")
    print()
    print(list("hey"), sorted("banana"), tuple("ab"))


main()
