def name_length(name: str) -> int:
    return name  # error: return-value


print(name_length("x"))
