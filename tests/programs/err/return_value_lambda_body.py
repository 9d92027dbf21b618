from typing import Callable

to_text: Callable[[int], str] = lambda v: v + 1  # error: return-value
print(to_text(1))
