_counter: int = 0


def public() -> int:
    return _counter + 1
