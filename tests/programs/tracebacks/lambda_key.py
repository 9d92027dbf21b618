xs = [3, 0, 1]
print(sorted(xs, key=lambda v: 1 // v))
