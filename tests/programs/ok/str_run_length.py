def encode(s: str) -> str:
    if not s:
        return ""
    out: list[str] = []
    prev = s[0]
    n = 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev = c
            n = 1
    out.append(f"{n}{prev}")
    return "".join(out)


def decode(s: str) -> str:
    out = ""
    num = ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out += c * int(num)
            num = ""
    return out


def main() -> None:
    for s in ["aaabccdddd", "", "x", "abababab", "zzzzzzzzzzzz"]:
        e = encode(s)
        print(repr(s), e, decode(e) == s)


main()
