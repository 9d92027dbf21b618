def _compute() -> int:
    return 42


def compute() -> int:
    return _compute()
