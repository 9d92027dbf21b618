def main() -> None:
    s = "abc"
    print(s.encode())  # error: unsupported


main()
