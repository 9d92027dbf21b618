from typing import Generic  # error: unsupported

print("x")
