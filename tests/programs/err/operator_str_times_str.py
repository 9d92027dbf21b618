def main() -> None:
    a = "ab"
    b = "2"
    print(a * b)  # error: operator


main()
