def main() -> None:
    words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    print(groups)
    by_len: dict[int, list[str]] = {}
    for w in words:
        if len(w) not in by_len:
            by_len[len(w)] = []
        by_len[len(w)].append(w)
    for k in sorted(by_len):
        print(k, by_len[k])


main()
