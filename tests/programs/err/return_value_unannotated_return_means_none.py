def double(x: int):
    return x * 2  # error: return-value


double(2)
