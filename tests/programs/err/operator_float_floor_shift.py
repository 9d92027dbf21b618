def main() -> None:
    x = 2.0
    print(x << 1)  # error: operator
    print(x & 1)  # error: operator


main()
