from b import helper_b  # error: import-cycle


def run() -> int:
    return helper_b() + 1
