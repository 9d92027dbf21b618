from .a import f


def g() -> int:
    return 1


def h() -> int:
    return f()
