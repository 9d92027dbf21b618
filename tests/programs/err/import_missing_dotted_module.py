import nosuch.sub.module  # error: import

print("x")
