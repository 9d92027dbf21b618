def main() -> None:
    print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -2)))
    print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), list(range(3, -3, -1)))
    print(len(range(10)), len(range(0, 100, 7)), len(range(5, 0)))
    print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
    total = 0
    for i in range(1, 101):
        total += i
    print(total)
    for i in range(10, 0, -3):
        print(i, end=" ")
    print()
    try:
        print(list(range(0, 5, 0)))
    except ValueError as e:
        print("ValueError:", e)
    print(sum(range(10 ** 6)), list(range(2 ** 64, 2 ** 64 + 3)))


main()
