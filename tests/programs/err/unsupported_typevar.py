from typing import TypeVar  # error: unsupported

print("x")
