def scale(x: int, factor: int) -> int:
    return x * factor
