def shout(s: str) -> str:
    return s.upper()


print(shout(None))  # error: arg-type
