import os.path  # error: unsupported


def join(a: str, b: str) -> str:
    return a + "/" + b
