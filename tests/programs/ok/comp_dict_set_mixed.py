def main() -> None:
    words = ["Apple", "avocado", "Banana", "blueberry", "cherry"]
    by_initial = {w[0].lower(): [x for x in words if x[0].lower() == w[0].lower()] for w in words}
    print(by_initial)
    initials = {w[0].lower() for w in words}
    print(sorted(initials))
    counts = {c: sum(1 for w in words if w.lower().startswith(c)) for c in sorted(initials)}
    print(counts)
    print(sorted({len(w) for w in words}))


main()
