xs = [1]
a = b = xs[3]
