def main() -> None:
    s = "hello"
    print(s["h"])  # error: index


main()
