def main() -> None:
    x = eval("1 + 2")  # error: unsupported
    print(x)


main()
