def main() -> None:
    text = "line one\nline two\r\nline three\rline four\n"
    print(text.splitlines())
    print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(), "no newline".splitlines())
    print("a\x0bb\x0cc\x1cd\u2028e".splitlines())
    print(len("x\n\ny".splitlines()))


main()
