class LoadError(Exception):
    pass


def load(s: str) -> int:
    try:
        return int(s)
    except ValueError as e:
        raise LoadError("could not load " + repr(s)) from e


print(load("12"))
print(load("twelve"))
