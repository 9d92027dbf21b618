def add(a: int, a: int) -> int:  # error: syntax
    return a


print(add(1, 2))
