def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def main() -> None:
    text = "Typhon is a statically typed subset of Python whose programs behave exactly like CPython's."
    for w in [20, 35]:
        print(f"width {w}:")
        for line in wrap(text, w):
            print("|" + line.ljust(w) + "|")


main()
