def show(s: str) -> None:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace())


def main() -> None:
    for s in ["123", "abc", "abc123", "", " ", "\t\n", "12.5", "-1", "é", "²", "½", "٣", "日本", "a b", "\u00a0"]:
        show(s)


main()
