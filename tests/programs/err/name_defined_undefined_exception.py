def parse(s: str) -> int:
    try:
        return int(s)
    except ParseError:  # error: name-defined
        return 0


print(parse("1"))
