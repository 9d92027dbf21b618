from typing import Callable


def shout(s: str) -> str:
    return s.upper()


handler: Callable[[int], int] = shout  # error: assignment
