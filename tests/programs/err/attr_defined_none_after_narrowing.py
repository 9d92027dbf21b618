from typing import Optional


def show(s: Optional[str]) -> str:
    if s is not None:
        return s
    return s.lower()  # error: attr-defined


print(show(None))
