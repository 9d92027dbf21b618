from dataclasses import dataclass


@dataclass
class P:
    name: str
    score: float


def main() -> None:
    values_str = [str(1), str(1.0), str("s"), str(None), str(True), str([1]), str((1, "a")), str({"k": "v"})]
    print(values_str)
    print(repr(1), repr(1.0), repr("s"), repr(None), repr(True), repr([1, "a"]), repr((1,)), repr({1: "v"}))
    p = P("x", 2)
    print(str(p), repr(p), [p], f"{p}", f"{p!r}")
    print(repr(repr("a")), str(str(3)), repr(str(3)))
    print(repr(set([1])), repr(sorted({"b", "a"})))


main()
