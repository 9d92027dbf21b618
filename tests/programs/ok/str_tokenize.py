def tokenize(src: str) -> list[str]:
    tokens: list[str] = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(src[i:j])
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(src[i:j])
            i = j
        else:
            tokens.append(c)
            i += 1
    return tokens


def main() -> None:
    print(tokenize("x1 = foo(42, bar_2) + 7*y"))
    print(tokenize("   "), tokenize("a+b"))


main()
