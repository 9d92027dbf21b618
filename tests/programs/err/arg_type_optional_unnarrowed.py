from typing import Optional


def length(s: str) -> int:
    return len(s)


def maybe(flag: bool) -> Optional[str]:
    return "x" if flag else None


print(length(maybe(True)))  # error: arg-type
