def main() -> None:
    digits = "1234567890" * 30
    n = int(digits)
    print(n % 97, len(str(n)), str(n) == digits)
    m = int("-" + digits[:45])
    print(m)
    print(int("000000000000000000000000000000000042"))
    print(int("  98765432109876543210987654321  "))
    print(int("1_000_000_000_000_000_000_000"))
    print(int("+77777777777777777777777777"))
    big = 3 ** 500
    print(int(str(big)) == big, str(big)[-10:])
    print(int(repr(-big)) == -big)


main()
