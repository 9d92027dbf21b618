from typing import Protocol  # error: unsupported

print("x")
