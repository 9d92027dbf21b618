_LIMIT = 10


def describe() -> str:
    return f"limit={_LIMIT}"
