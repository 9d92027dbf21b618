from typing import Optional


def label(n: int, unit: Optional[str] = None) -> str:
    if unit is None:
        return str(n)
    return f"{n} {unit}"


def first_or(xs: list[int], default: int | None = None) -> int | None:
    if xs:
        return xs[0]
    return default


def main() -> None:
    print(label(5), label(5, "kg"), label(3, unit="m"))
    print(first_or([]), first_or([], 7), first_or([9], 7))


main()
