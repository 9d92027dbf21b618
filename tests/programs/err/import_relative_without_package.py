from . import sibling  # error: import

print("x")
