def add(a: int, b: int) -> int:
    return a + b


print(add(a=1, 2))  # error: syntax
