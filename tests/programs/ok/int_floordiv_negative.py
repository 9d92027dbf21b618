def show(a: int, b: int) -> None:
    print(f"{a} // {b} = {a // b}")


def main() -> None:
    pairs: list[tuple[int, int]] = [
        (7, 2), (-7, 2), (7, -2), (-7, -2),
        (6, 3), (-6, 3), (1, 10), (-1, 10),
        (0, -5), (9, -10), (-9, 10), (-10, 10),
    ]
    for a, b in pairs:
        show(a, b)
    big = -(10 ** 20) - 1
    print(big // 3, big // -3)
    print((2 ** 64 + 1) // -2)


main()
