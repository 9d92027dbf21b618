def main() -> None:
    print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
    print(repr("tab\there"), repr("nl\n"), repr("cr\r"), repr("back\\slash"))
    print(repr("\x00\x01\x1f\x7f"), repr("\x80\x9f\xa0"), repr("é"), repr("日本"), repr("😀"))
    print(repr("\u200b"), repr("\u2028"), repr("\ufeff"), repr("\U000e0001"))
    print(repr(""), repr(" "), repr("'"), repr('"'))
    print(["a", "it's", 'q"q'], ("x",), {"k": "v"})
    print(str("x"), "%", repr("%"))


main()
