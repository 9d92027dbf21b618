def main() -> None:
    count: int = 0
    count = 2.5  # error: assignment
    n: int = 1.0  # error: assignment
    print(count, n)


main()
