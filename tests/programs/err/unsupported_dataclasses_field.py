from dataclasses import field  # error: unsupported

print("x")
