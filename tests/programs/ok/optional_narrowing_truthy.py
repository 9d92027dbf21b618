from typing import Optional


def show(s: Optional[str]) -> str:
    if s:
        return "text:" + s
    return "empty-or-none:" + repr(s)


def pick(a: Optional[list[int]]) -> int:
    if not a:
        return 0
    return a[0]


def main() -> None:
    print(show("hi"), show(""), show(None))
    none: list[int] = []
    print(pick(None), pick(none), pick([7, 8]))
    n: Optional[int] = 0
    print("truthy" if n else "falsy", n is None)


main()
