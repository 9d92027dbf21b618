def main() -> None:
    n = 3
    print(n + "a")  # error: operator
    print("a" + n)  # error: operator


main()
