def bfs(grid: list[str], start: tuple[int, int], goal: tuple[int, int]) -> int:
    rows = len(grid)
    cols = len(grid[0])
    dist: dict[tuple[int, int], int] = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        if (r, c) == goal:
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return -1


def main() -> None:
    maze = [
        "..#.......",
        ".##..###..",
        "....#...#.",
        "###.#.#.#.",
        "....#.#...",
    ]
    print(bfs(maze, (0, 0), (4, 9)))
    print(bfs(maze, (0, 0), (0, 3)))
    print(bfs([".#", "#."], (0, 0), (1, 1)))


main()
