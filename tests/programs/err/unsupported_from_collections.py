from collections import defaultdict  # error: unsupported

print("x")
