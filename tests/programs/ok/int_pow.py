def main() -> None:
    print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
    print(2 ** -1, 10 ** -3, (-2) ** -2)
    print(pow(2, 10), pow(3, 4, 5), pow(7, 0, 3), pow(-3, 3, 7))
    print(pow(2, 100, 10 ** 9 + 7))
    print(10 ** 30)
    print(7 ** 23)
    n = 5
    n **= 3
    print(n)
    print(1 ** 1000, (-1) ** 1001)


main()
