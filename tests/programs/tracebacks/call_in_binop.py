def parse(text: str) -> int:
    return int(text) * 2


value = parse("x")
