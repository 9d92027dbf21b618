def fact(n: int) -> int:
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def flatten(xs: list[list[int]], i: int) -> list[int]:
    if i == len(xs):
        return []
    return xs[i] + flatten(xs, i + 1)


def main() -> None:
    print([fact(n) for n in range(8)], fact(30))
    print([fib(n) for n in range(15)])
    print(ackermann(2, 3), ackermann(3, 3))
    print(flatten([[1], [2, 3], [], [4]], 0))


main()
