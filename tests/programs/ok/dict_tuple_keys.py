def main() -> None:
    grid: dict[tuple[int, int], str] = {}
    grid[(0, 0)] = "origin"
    grid[1, 2] = "point"
    grid[(0, 0)] = "home"
    print(grid)
    print(grid[(1, 2)], (0, 1) in grid, grid.get((5, 5), "none"))
    pairs: dict[tuple[str, int], float] = {("a", 1): 0.5, ("b", 2): 1.5}
    for (name, num), val in pairs.items():
        print(name, num, val)
    print(sorted(pairs))


main()
