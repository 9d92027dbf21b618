import a


def helper_c() -> int:
    return 3
