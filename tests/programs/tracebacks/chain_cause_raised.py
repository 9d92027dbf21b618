def load(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("cannot load") from e


load("twelve")
