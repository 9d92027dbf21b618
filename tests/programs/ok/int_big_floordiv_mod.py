def main() -> None:
    a = -(3 ** 150)
    b = 7 ** 40
    q = a // b
    r = a % b
    print(q)
    print(r)
    print(q * b + r == a, 0 <= r < b)
    print(a // -b, a % -b)
    print((-a) // -b, (-a) % -b)
    print(divmod(a, 12345678901234567890))


main()
