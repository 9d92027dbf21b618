def classify(n: int) -> int:
    if n > 100:
        return "big"  # error: return-value
    return n


print(classify(5))
