from ._impl import _compute  # error: private-import
from ._impl import compute


def run() -> int:
    return _compute() + compute()
