def main() -> None:
    a = 17
    b = 5
    print(a + b, a - b, a * b)
    print(a // b, a % b, a / b)
    print(-a, +a, a ** 2)
    print(b - a, (b - a) * 3)
    print(0 * a, a * 0 - 1)
    c = a
    c += 3
    c -= 1
    c *= 2
    print(c)
    print(1 + 2 * 3 - 4 // 2, (1 + 2) * (3 - 4) // 2)
    print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)


main()
