def main() -> None:
    x = 100
    x += 5
    print(x)
    x -= 10
    print(x)
    x *= 3
    print(x)
    x //= 7
    print(x)
    x %= 17
    print(x)
    x **= 3
    print(x)
    x &= 0xFF
    print(x)
    x |= 0x100
    print(x)
    x ^= 0x1FF
    print(x)
    x <<= 70
    print(x)
    x >>= 65
    print(x)
    f = 7.0
    f /= 2
    print(f)
    f += 1
    print(f)


main()
