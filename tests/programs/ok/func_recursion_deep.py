def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def sum_to(n: int) -> int:
    return n if n == 0 else n + sum_to(n - 1)


def main() -> None:
    print(depth(900))
    print(sum_to(950))


main()
