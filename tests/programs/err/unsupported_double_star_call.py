def add(a: int, b: int) -> int:
    return a + b


args = {"a": 1, "b": 2}
print(add(**args))  # error: unsupported
