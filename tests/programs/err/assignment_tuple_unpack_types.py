def main() -> None:
    a, b = 1, "x"
    a = b  # error: assignment
    print(a, b)


main()
