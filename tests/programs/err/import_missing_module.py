import nosuchmodule  # error: import

print("x")
