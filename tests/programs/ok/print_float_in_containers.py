def main() -> None:
    print([0.1, 1e16, -0.0, 1e-5, 2.0, 1 / 3])
    print((1.5,), {"pi": 3.14159}, {2.5: 0.0})
    print([float("inf"), float("-inf")])
    xs: list[float] = [1, 2.0, True]
    print(xs)


main()
