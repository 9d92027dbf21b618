def min_max(xs: list[int]) -> tuple[int, int]:
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def split_name(full: str) -> tuple[str, str]:
    parts = full.split(" ", 1)
    return (parts[0], parts[1] if len(parts) > 1 else "")


def main() -> None:
    lo, hi = min_max([4, -1, 7, 3])
    print(lo, hi)
    res = min_max([5])
    print(res, res[0])
    print(split_name("Ada Lovelace"), split_name("Plato"))


main()
