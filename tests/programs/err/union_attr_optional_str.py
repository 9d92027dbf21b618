from typing import Optional


def shout(s: Optional[str]) -> str:
    return s.upper()  # error: union-attr


print(shout("x"))
