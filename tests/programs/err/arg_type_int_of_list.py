def main() -> None:
    xs = ["1"]
    print(int(xs))  # error: arg-type


main()
