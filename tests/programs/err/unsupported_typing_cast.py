from typing import cast  # error: unsupported

print("x")
