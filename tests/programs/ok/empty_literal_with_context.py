from typing import Optional


def pick(a: Optional[list[int]]) -> int:
    if not a:
        return 0
    return a[0]


def total(xs: list[float]) -> float:
    return sum(xs)


def main() -> None:
    print(pick([]), total([]), " ".join([]))
    graph: dict[str, list[str]] = {"a": ["b"]}
    print(graph.get("a", []), graph.get("z", []))
    rows = [[1, 2], [], [3]]
    print(rows, [len(r) for r in rows])
    table = {"x": {"k": 1}, "y": {}}
    print(table)
    e: dict[str, int] = {}
    s = {1, 2}
    print(e == {}, {} == e, [] < [0], set().issubset(s), s > set())
    print(sum([], 5), sum([], 0.5))


main()
