def main() -> None:
    for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (2 ** 65, 3), (-(2 ** 65), 7)]:
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
    print(divmod(7, 1))
    print(divmod(-1, 2))


main()
