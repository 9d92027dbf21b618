def pair() -> tuple[int, int]:
    return (1, 2, 3)  # error: return-value


print(pair())
