make = lambda **kw: 0  # error: unsupported
print("x")
