def clamp(v: int, lo: int, hi: int) -> int:
    return max(lo, min(hi, v))
