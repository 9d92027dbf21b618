from typing import Callable


def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)


def apply_str(f: Callable[[str], int], s: str) -> int:
    return f(s)


def main() -> None:
    print(apply(abs, -5))
    print(apply_str(len, "four"))
    print(apply_str(int, "42"))
    to_text: Callable[[int], str] = str
    print(to_text(7) + "!")
    conv: Callable[[str], float] = float
    print(conv("2.5") * 2)
    print(sorted(["ccc", "a", "bb"], key=len), sorted([-3, 1, -2], key=abs))
    measure = len
    print(measure([1, 2, 3]))


main()
