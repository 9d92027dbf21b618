def deep(n: int) -> int:
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1) + 1


print(deep(3))
