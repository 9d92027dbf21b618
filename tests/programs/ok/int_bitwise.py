def main() -> None:
    a = 0b1100
    b = 0b1010
    print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
    print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
    print(255 & -256, 0xFF ^ 0x0F)
    x = 6
    x &= 3
    print(x)
    x |= 8
    print(x)
    x ^= 15
    print(x)
    flags = 0
    for bit in [0, 3, 5]:
        flags |= 1 << bit
    print(flags, [i for i in range(8) if flags & (1 << i)])


main()
