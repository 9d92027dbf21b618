def main() -> None:
    s = {1, 2, 3}
    print(s[0])  # error: index


main()
