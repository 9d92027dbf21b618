def main() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    print(xs.index(5, 5), xs.index(3, 1, 10), xs.index(1, -8))
    try:
        print(xs.index(9, 0, 5))
    except ValueError as e:
        print("ValueError:", e)


main()
