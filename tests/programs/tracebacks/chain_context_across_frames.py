def parse(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return fallback(text)


def fallback(text: str) -> int:
    raise KeyError(text)


parse("x")
