def main() -> None:
    print(0x1F, 0XfF, 0o17, 0O777, 0b101, 0B1111_0000)
    print(1_000_000, 0x_FF_FF, 0b_1_0)
    print(0, 00, 0_0)
    print(123456789012345678901234567890)
    print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
    print(-0x10, -0b1, -0o10)


main()
