def check(n: int) -> None:
    assert n > 0, "n must be positive"


check(-1)
