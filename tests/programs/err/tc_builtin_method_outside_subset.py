words = ["b", "A"]
print((1.5).is_integer())  # error: unsupported
print("AbC".casefold())  # error: unsupported
print((1, 2, 1).count(1))  # error: unsupported
print((7).bit_length())  # error: unsupported
print(sorted(words, key=str.lower))  # error: unsupported
