values: list[int | str] = [1, "a"]  # error: unsupported
print(len(values))
