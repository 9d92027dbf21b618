def build(n: int) -> str:
    out = ""
    for i in range(n):
        if i % 2 == 0:
            out += str(i)
        else:
            out += "-"
    return out


def main() -> None:
    print(build(11))
    parts: list[str] = []
    for word in ["a", "bb", "ccc"]:
        parts.append(word * 2)
    print(",".join(parts))
    acc = ""
    for c in "typhon":
        acc = c + acc
    print(acc)


main()
