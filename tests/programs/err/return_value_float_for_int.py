def mean(xs: list[int]) -> int:
    return sum(xs) / len(xs)  # error: return-value


print(mean([1, 2]))
