from typing import Union  # error: unsupported

print("x")
