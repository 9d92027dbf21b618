def main() -> None:
    squares = {x * x for x in range(-3, 4)}
    print(sorted(squares))
    letters = {c.lower() for c in "Hello World" if c.isalpha()}
    print(sorted(letters))
    pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
    print(sorted(pairs))
    mods = {n % 4 for n in [10, 11, 12, 13, 14]}
    print(sorted(mods), len(mods))


main()
