import math

print(math.tau)  # error: unsupported
