def clamp(v: float, *, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


print(clamp(5, lo=0))  # error: call-arg
