from typing import Optional


def main() -> None:
    row: tuple[str, float, None] = ("a", 1.5, None)
    print(row, [row])
    opt: list[Optional[float]] = [1.5, None, 2]
    print(opt)
    print([["a", "b"], ["c"]], [[[0]]], [(1, "x")], [{"k": [1]}])
    print(["quote's", "dq\"", "back\\"], [0.1, 1e16, -0.0, float("nan")])
    names: list[Optional[str]] = ["a", None]
    print(names, str(names), repr(names))


main()
