def _helper() -> int:
    return 1


def public() -> int:
    return _helper() + 1
