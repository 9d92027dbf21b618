def halves(n: int) -> list[float]:
    out: list[int] = [n // 2, n - n // 2]
    return out  # error: return-value


print(halves(5))
