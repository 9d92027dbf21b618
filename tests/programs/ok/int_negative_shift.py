def shift(a: int, b: int) -> int:
    return a << b


def main() -> None:
    print(shift(1, 3))
    try:
        print(shift(1, -1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(8 >> (0 - 2))
    except ValueError as e:
        print("ValueError:", e)


main()
