from c import helper_c


def helper_b() -> int:
    return helper_c() * 2
