def main() -> None:
    total = 0
    for i in range(3):
        total += i
    print(totl)  # error: name-defined


main()
