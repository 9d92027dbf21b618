def main() -> None:
    pairs = [(x, y) for x in range(3) for y in range(x)]
    print(pairs)
    flat = [v for row in [[1, 2], [3], [4, 5, 6]] for v in row]
    print(flat)
    table = [[r * c for c in range(1, 4)] for r in range(1, 4)]
    print(table)
    filtered = [x * y for x in range(5) if x % 2 == 1 for y in range(5) if y > x]
    print(filtered)
    words = ["ab", "cd"]
    print([c + str(i) for w in words for i, c in enumerate(w)])


main()
