def main() -> None:
    a = -(2 ** 100) + 12345
    b = 2 ** 90 - 7
    print(a & b)
    print(a | b)
    print(a ^ b)
    print(~a)
    print(a >> 50, a >> 200)
    print(a << 10)
    print(-(2 ** 100) & 0xFFFF, -(2 ** 70) | 1)
    print((a & 0xFFFFFFFFFFFFFFFFFFFF) == a % (2 ** 80))
    print(-1 & (2 ** 128 - 1))


main()
