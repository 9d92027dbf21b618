from typing import Callable


def trace(f: Callable[[int], int]) -> Callable[[int], int]:
    return f


@trace  # error: unsupported
def square(x: int) -> int:
    return x * x


print(square(3))
