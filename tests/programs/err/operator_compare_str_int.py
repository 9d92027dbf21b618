def main() -> None:
    s = "5"
    n = 3
    print(s < n)  # error: operator


main()
