from typing import Optional


def find(xs: list[str], target: str) -> int:
    idx: Optional[int] = None
    for i, x in enumerate(xs):
        if x == target:
            idx = i
    return idx  # error: return-value


print(find(["a"], "a"))
