print("ns.tools initialised")


def add(a: int, b: int) -> int:
    return a + b
