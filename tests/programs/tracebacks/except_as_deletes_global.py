# At module level the handler's end deletes the global `e`: a later read is a NameError.
e = 5
try:
    raise ValueError("x")
except ValueError as e:
    print("caught", e)
print("after")
print(e)
