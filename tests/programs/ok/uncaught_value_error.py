def parse_all(items: list[str]) -> list[int]:
    out: list[int] = []
    for s in items:
        out.append(int(s))
        print("parsed", s)
    return out


print(parse_all(["1", "2"]))
print(parse_all(["3", "x", "4"]))
print("never printed")
