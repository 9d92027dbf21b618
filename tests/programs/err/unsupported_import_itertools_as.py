import itertools as it  # error: unsupported

print("x")
