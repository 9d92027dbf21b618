def main() -> None:
    print(1., .5, 1e3, 1E-3, 1_000.000_1, 0.0e0, 3.14e+2, 1_0e1_0)
    print(0xDEAD_BEEF, 0o7_7, 0b1_1, 1_2_3)
    print(10 ** 0, 0.1e1, 7e-1)
    print(1e500, -1e500, 1e-500)
    print(123456789012345678901234567890.0)


main()
