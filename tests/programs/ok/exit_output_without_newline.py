import sys

print("partial", end="")
print(" line", end="")
sys.exit(7)
