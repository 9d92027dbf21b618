import alpha


def suffix() -> str:
    return "!"


def back() -> str:
    return alpha.name()
