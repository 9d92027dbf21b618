def main() -> None:
    m = 9223372036854775807
    print(m + 1, m * 2, m * m)
    n = -9223372036854775808
    print(n - 1, n * -1, -n, abs(n), n // -1)
    print(n % -1, divmod(n, -1))
    acc = 1
    for _ in range(70):
        acc *= 2
    print(acc)
    acc2 = 3
    for _ in range(10):
        acc2 = acc2 * acc2
    print(len(str(acc2)), acc2 % 1000)
    x = 4611686018427387904
    print(x + x, x * 4, x << 1)
    print(m - n, n - m)


main()
