def compute(a: int, b: int) -> int:
    return a // b


v = compute(
    1,
    0,
)
