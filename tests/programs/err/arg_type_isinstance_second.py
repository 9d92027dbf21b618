def main() -> None:
    x = 5
    print(isinstance(x, 5))  # error: arg-type


main()
