import math

print(math.sqrt(4), sqrt(4))  # error: name-defined
