def main() -> None:
    visited: set[tuple[int, int]] = set()
    pos = (0, 0)
    moves = "RRUULDDR"
    visited.add(pos)
    for m in moves:
        x, y = pos
        if m == "R":
            pos = (x + 1, y)
        elif m == "L":
            pos = (x - 1, y)
        elif m == "U":
            pos = (x, y + 1)
        else:
            pos = (x, y - 1)
        visited.add(pos)
    print(len(visited), sorted(visited))
    print((1, 1) in visited, (5, 5) in visited)


main()
