def total(values: tuple[int, ...]) -> int:
    s = 0
    for v in values:
        s += v
    return s


def main() -> None:
    print(total(()), total((1,)), total((1, 2, 3, 4)))
    grow: tuple[int, ...] = ()
    for i in range(4):
        grow = grow + (i,)
    print(grow, len(grow), grow[-1])
    names: tuple[str, ...] = ("x", "y")
    print(names + ("z",), sorted(names, reverse=True))


main()
