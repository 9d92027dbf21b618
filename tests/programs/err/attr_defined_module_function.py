import math

print(math.squareroot(16))  # error: attr-defined
