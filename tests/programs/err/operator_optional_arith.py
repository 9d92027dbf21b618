from typing import Optional


def bump(n: Optional[int]) -> int:
    return n + 1  # error: operator


print(bump(1))
