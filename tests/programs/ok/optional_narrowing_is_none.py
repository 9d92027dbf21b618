from typing import Optional


def length(s: Optional[str]) -> int:
    if s is None:
        return -1
    return len(s)


def double(n: Optional[int]) -> int:
    if n is not None:
        return n * 2
    return 0


def main() -> None:
    print(length(None), length(""), length("abc"))
    print(double(None), double(0), double(21))
    v: Optional[int] = None
    for candidate in [3, 8, 1]:
        if v is None or candidate > v:
            v = candidate
    print(v)


main()
