import json  # error: unsupported

print("x")
