def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_fast(n: int) -> tuple[int, int]:
    if n == 0:
        return (0, 1)
    a, b = fib_fast(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n % 2 == 0:
        return (c, d)
    return (d, c + d)


def main() -> None:
    print(fib(100))
    f1000 = fib(1000)
    print(len(str(f1000)), f1000 % 10 ** 12)
    print(fib_fast(1000)[0] == f1000, fib_fast(10000)[0] % 1000000007)
    print(sum(int(d) for d in str(fib(2000))))


main()
