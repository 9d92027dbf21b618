def parse(s: str) -> int:
    if not s:
        return  # error: return-value
    return int(s)


print(parse("1"))
