from typing import Optional


def first(xs: Optional[list[int]]) -> int:
    return xs[0]  # error: index


print(first([1]))
