from typing import Optional


def get(d: Optional[dict[str, int]]) -> int:
    return d["k"]  # error: index


print(get({"k": 1}))
