def compute_total(xs: list[int]) -> int:
    return sum(xs)


print(compute_totl([1, 2]))  # error: name-defined
