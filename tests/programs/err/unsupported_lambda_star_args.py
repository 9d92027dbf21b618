total = lambda *args: 0  # error: unsupported
print("x")
