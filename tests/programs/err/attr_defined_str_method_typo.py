def main() -> None:
    s = "Hello"
    print(s.uper())  # error: attr-defined
    print(s.startwith("H"))  # error: attr-defined


main()
