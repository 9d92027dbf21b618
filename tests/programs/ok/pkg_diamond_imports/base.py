print("base initialised once")
_loads: list[int] = [0]


def counter() -> int:
    _loads[0] += 1
    return _loads[0]
