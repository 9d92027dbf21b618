def main() -> None:
    xs = [0, 1, 2, 3, 4, 5]
    del xs[0]
    print(xs)
    del xs[-1]
    print(xs)
    del xs[1]
    print(xs, len(xs))
    d = {"a": 1, "b": 2, "c": 3}
    del d["b"]
    print(d)
    try:
        del d["zz"]
    except KeyError as e:
        print("KeyError:", e)
    grid = [[1, 2], [3, 4]]
    del grid[0][1]
    print(grid)


main()
