def half(v: float) -> float:
    return v / 2


def ident(v: float) -> float:
    return v


def main() -> None:
    x: float = 1
    print(x)
    print(ident(3), ident(3.0), ident(True))
    print(half(3), half(4))
    ys: list[float] = [1, 2.5, 3]
    print(ys, sum(ys))
    x += 0.5
    print(x)
    z: float = 10
    z = z * 2
    print(z)
    z = z / 4
    print(z)
    w: float = 2 ** 70
    print(w)
    total: float = 0
    for i in range(3):
        total += i
    print(total)


main()
