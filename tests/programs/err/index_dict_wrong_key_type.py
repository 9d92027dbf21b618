def main() -> None:
    ages = {"ann": 3}
    print(ages[0])  # error: index


main()
