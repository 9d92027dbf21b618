from typing import Optional


def find(xs: list[str], prefix: str) -> Optional[str]:
    for x in xs:
        if x.startswith(prefix):
            return x
    return None


print(find(["abc"], "a").upper())  # error: union-attr
