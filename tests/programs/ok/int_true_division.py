def main() -> None:
    print(7 / 2, 10 / 5, -7 / 2, 1 / 3, 2 / 3, 0 / 5)
    print(1 / 7, 22 / 7, 10 ** 20 / 10 ** 10, 2 ** 64 / 2)
    print(10 ** 400 // 10 ** 398 / 4)
    x = 9
    y = x / 3
    print(y, y == 3, y * 2)
    try:
        print(10 ** 400 / 1)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(float(10 ** 400))
    except OverflowError as e:
        print("OverflowError:", e)


main()
