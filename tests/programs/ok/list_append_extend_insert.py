def main() -> None:
    xs: list[int] = []
    xs.append(1)
    xs.append(2)
    xs.extend([3, 4])
    xs.extend(range(5, 7))
    xs.extend((7,))
    print(xs)
    xs.insert(0, 0)
    xs.insert(-1, 99)
    xs.insert(100, 100)
    xs.insert(-100, -100)
    print(xs, len(xs))
    ys = ["a"]
    ys.extend("bc")
    print(ys)
    ys += ["d"]
    print(ys)


main()
