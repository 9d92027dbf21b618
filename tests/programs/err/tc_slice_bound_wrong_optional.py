def cut(text: str, start: str | None) -> str:
    return text[start:]  # error: misc
