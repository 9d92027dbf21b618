from ..shared import tag


def double(n: int) -> int:
    return n * 2


def tagged(n: int) -> str:
    return tag(str(n))
