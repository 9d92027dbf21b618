from typing import Optional


def main() -> None:
    data: dict[str, list[tuple[int, Optional[str]]]] = {"a": [(1, "x"), (2, None)], "b": []}
    print(data)
    print([[[1, 2], [3]], [[4]]])
    matrix = [[0.5, 1.0], [1e-7, -2.0]]
    print(matrix)
    print({"s": {"t": {"u": "deep"}}})
    print([{"k": (1, 2)}, {"j": (3,)}])
    print(("a", ["b", ("c", {"d": None})]))
    print([["it's", 'say "x"']])


main()
