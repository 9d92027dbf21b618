def repeat(s: str, times: int) -> str:
    return s * times


print(repeat("ab", 2.5))  # error: arg-type
