def step(n: int) -> None:
    try:
        if n == 0:
            raise ValueError("bottom")
        step(n - 1)
    except ValueError as e:
        raise RuntimeError(f"level {n}") from e


step(2)
