def main() -> None:
    values = [-7, -6, -1, 0, 1, 6, 7]
    for m in [3, -3, 5, -5]:
        row: list[int] = []
        for v in values:
            row.append(v % m)
        print(m, row)
    print(-(2 ** 70) % 7, (2 ** 70) % -7)
    print(-1 % 1, -123456789 % 1000)
    x = -17
    x %= 5
    print(x)


main()
