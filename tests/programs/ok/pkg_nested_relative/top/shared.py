def tag(s: str) -> str:
    return "<" + s + ">"
