def main() -> None:
    n = 12345
    print(len(n))  # error: arg-type


main()
