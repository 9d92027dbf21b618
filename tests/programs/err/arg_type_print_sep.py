print("a", "b", sep=1)  # error: arg-type
