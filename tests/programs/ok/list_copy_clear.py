def main() -> None:
    a = [1, 2, 3]
    b = a
    c = a.copy()
    d = a[:]
    e = list(a)
    a.append(4)
    print(a, b, c, d, e)
    print(a is b, a is c, a == b, c == d)
    b.clear()
    print(a, b, c)
    grid = [[0] * 2 for _ in range(2)]
    shallow = grid.copy()
    shallow[0][0] = 7
    print(grid, shallow)
    shared = [[0] * 2] * 2
    shared[0][1] = 5
    print(shared)


main()
