def main() -> None:
    grid: list[list[int]] = []
    for r in range(3):
        row: list[int] = []
        for c in range(4):
            row.append(r * 4 + c)
        grid.append(row)
    print(grid)
    print(grid[1][2], grid[-1][-1], len(grid), len(grid[0]))
    grid[0][0] = -1
    print(grid[0])
    total = 0
    for row in grid:
        for v in row:
            total += v
    print(total)
    print([row[1] for row in grid])
    print([[v * 2 for v in row] for row in grid])


main()
