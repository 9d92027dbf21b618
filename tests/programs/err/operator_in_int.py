def main() -> None:
    n = 12345
    print(3 in n)  # error: operator


main()
