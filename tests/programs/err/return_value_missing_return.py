def sign(n: int) -> str:  # error: return-value
    if n > 0:
        return "+"
    elif n < 0:
        return "-"


print(sign(1))
