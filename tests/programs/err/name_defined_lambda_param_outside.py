from typing import Callable

f: Callable[[int], int] = lambda value: value + 1
print(f(1), value)  # error: name-defined
