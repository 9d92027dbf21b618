def main() -> None:
    stock = {"apples": 3, "pears": 0, "plums": 12}
    for key in stock:
        print("key", key)
    for key in stock.keys():
        print("keys", key)
    for value in stock.values():
        print("value", value)
    for key, value in stock.items():
        print(f"{key}={value}")
    for i, (k, v) in enumerate(stock.items()):
        print(i, k, v)
    total = sum(stock.values())
    print(total, max(stock, key=lambda k: stock[k]), sorted(stock.items(), key=lambda kv: kv[1]))


main()
