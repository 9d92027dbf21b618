def main() -> None:
    a = "abc"
    b = "b"
    print(a - b)  # error: operator


main()
