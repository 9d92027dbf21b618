def main() -> None:
    n = 12345
    print(n[0])  # error: index


main()
