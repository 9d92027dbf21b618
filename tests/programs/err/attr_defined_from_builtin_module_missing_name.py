from math import sqroot  # error: attr-defined

print("x")
