def main() -> None:
    squares = {n: n * n for n in range(6)}
    print(squares)
    evens = {k: v for k, v in squares.items() if k % 2 == 0}
    print(evens)
    words = ["apple", "bob", "kiwi", "anna"]
    lengths = {w: len(w) for w in words}
    print(lengths)
    inverted = {v: k for k, v in lengths.items()}
    print(inverted)
    grid = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
    print(grid)
    first = {w[0]: w for w in words}
    print(first)


main()
