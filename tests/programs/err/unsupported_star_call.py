def add(a: int, b: int) -> int:
    return a + b


pair = [1, 2]
print(add(*pair))  # error: unsupported
