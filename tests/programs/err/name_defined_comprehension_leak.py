def main() -> None:
    squares = [n * n for n in range(4)]
    print(squares, n)  # error: name-defined


main()
