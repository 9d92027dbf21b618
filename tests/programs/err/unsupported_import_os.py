import os  # error: unsupported

print("x")
