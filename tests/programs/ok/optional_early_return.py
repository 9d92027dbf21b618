from typing import Optional


def find_index(xs: list[str], target: str) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == target:
            return i
    return None


def describe(xs: list[str], target: str) -> str:
    idx = find_index(xs, target)
    if idx is None:
        return f"{target} missing"
    return f"{target} at {idx}, next={xs[idx + 1] if idx + 1 < len(xs) else None}"


def main() -> None:
    xs = ["a", "b", "c"]
    print(describe(xs, "b"), "|", describe(xs, "c"), "|", describe(xs, "z"))


main()
