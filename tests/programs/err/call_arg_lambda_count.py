from typing import Callable

add: Callable[[int, int], int] = lambda a, b: a + b
print(add(1))  # error: call-arg
