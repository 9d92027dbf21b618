def main() -> None:
    x = 1.5
    print(~x)  # error: operator


main()
