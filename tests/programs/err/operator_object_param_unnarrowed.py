def describe(x: object) -> int:
    return x + 1  # error: operator


print(describe(1))
