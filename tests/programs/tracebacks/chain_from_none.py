def lookup(d: dict[str, int], key: str) -> int:
    try:
        return d[key]
    except KeyError:
        raise LookupError(f"no {key}") from None


lookup({}, "a")
