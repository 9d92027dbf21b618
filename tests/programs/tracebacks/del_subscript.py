d: dict[str, int] = {}
del d["k"]
