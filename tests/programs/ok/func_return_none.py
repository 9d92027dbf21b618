from typing import Optional


def side_effect(xs: list[int]) -> None:
    xs.append(1)


def maybe(n: int) -> Optional[int]:
    if n > 0:
        return n
    return None


def early(n: int) -> None:
    if n < 0:
        return
    print("non-negative", n)


def main() -> None:
    xs: list[int] = []
    side_effect(xs)
    print(xs)
    print(maybe(3), maybe(-3))
    early(-1)
    early(2)


main()
