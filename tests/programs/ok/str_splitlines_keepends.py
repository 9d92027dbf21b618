def main() -> None:
    text = "line one\nline two\r\nline three\rline four\n"
    print(text.splitlines(True))
    print(text.splitlines(keepends=True))
    print("a\n\nb".splitlines(False))


main()
