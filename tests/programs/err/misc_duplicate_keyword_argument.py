def scale(x: int, factor: int = 2) -> int:
    return x * factor


print(scale(3, x=4))  # error: misc
