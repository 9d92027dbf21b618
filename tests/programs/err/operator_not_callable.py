def main() -> None:
    count = 5
    print(count())  # error: operator


main()
