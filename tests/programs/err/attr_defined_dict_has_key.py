def main() -> None:
    d = {"a": 1}
    if d.has_key("a"):  # error: attr-defined
        print("yes")
    d.append(("b", 2))  # error: attr-defined


main()
