def main() -> None:
    x = 1
    else:  # error: syntax
        print(x)


main()
