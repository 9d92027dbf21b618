def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def lcm(a: int, b: int) -> int:
    return a // gcd(a, b) * b


def main() -> None:
    print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 100, 6 ** 50))
    acc = 1
    for i in range(1, 31):
        acc = lcm(acc, i)
    print(acc)


main()
