d: dict[str, int] = {}
d["k"] += 1
