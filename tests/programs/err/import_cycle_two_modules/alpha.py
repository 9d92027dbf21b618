import beta  # error: import-cycle


def name() -> str:
    return "alpha" + beta.suffix()
