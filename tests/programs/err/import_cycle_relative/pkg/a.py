from . import b  # error: import-cycle


def f() -> int:
    return b.g() + 1
