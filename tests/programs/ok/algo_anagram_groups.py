def main() -> None:
    words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
    groups: dict[str, list[str]] = {}
    for w in words:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(w)
    for key in sorted(groups):
        print(key, sorted(groups[key]))
    print(max(groups.values(), key=len))


main()
