from typing import Any  # error: unsupported


def show(x: int) -> None:
    print(x)


show(1)
