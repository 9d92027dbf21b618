from math import *  # error: unsupported

print("x")
