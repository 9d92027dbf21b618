def main() -> None:
    value = 10
    print(value)
    value = "ten"  # error: assignment
    print(value)


main()
