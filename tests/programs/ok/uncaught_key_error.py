def main() -> None:
    stock = {"apple": 3}
    print(stock["apple"])
    print(stock["banana"])


main()
