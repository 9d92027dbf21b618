def main() -> None:
    for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.045, 123.456, -123.456]:
        print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
    print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(149, -2), round(150, -2))


main()
