def reverse(s: str) -> str:
    return s[::-1]
