def main() -> None:
    print("[" + "ab".ljust(6) + "]", "[" + "ab".rjust(6) + "]", "[" + "ab".center(6) + "]")
    print("[" + "ab".ljust(6, "*") + "]", "[" + "ab".rjust(6, "-") + "]", "[" + "ab".center(7, "=") + "]")
    print("[" + "abc".center(6) + "]", "[" + "abc".center(8, ".") + "]", "[" + "a".center(4) + "]")
    print("[" + "toolong".ljust(3) + "]", "[" + "x".center(0) + "]")
    rows = [("name", "qty"), ("apple", "3"), ("kiwi", "12")]
    for name, qty in rows:
        print(name.ljust(8) + qty.rjust(4))
    print("[" + "日本".center(6, "*") + "]")


main()
