def add_one(v: int) -> int:
    return v + 1


def negate(v: int) -> int:
    return -v
