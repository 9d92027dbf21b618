def total(xs: list[float]) -> float:
    return sum(xs)


ints: list[int] = [1, 2, 3]
print(total(ints))  # error: arg-type
