from typing import Optional


def add(xs: Optional[list[int]]) -> None:
    xs.append(1)  # error: union-attr


add([1])
