from typing import Callable


def scaled(x: int, factor: int = 2) -> int:
    return x * factor


def twice(x: int, y: int) -> int:
    return x + y


handler: Callable[[str], int] = scaled  # error: assignment
pair: Callable[[int], int] = twice  # error: assignment
both = scaled
both = twice  # error: assignment
