from typing import Callable


def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)


def to_text(v: int) -> str:
    return str(v)


print(apply(to_text, 3))  # error: arg-type
