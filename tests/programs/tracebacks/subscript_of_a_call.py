def get() -> list[int]:
    return [1, 2]


n = get()[3]
