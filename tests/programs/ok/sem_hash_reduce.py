from dataclasses import dataclass


class H:
    def __init__(self, h: int) -> None:
        self.h: int = h

    def __hash__(self) -> int:
        return self.h


@dataclass(frozen=True)
class P:
    x: int
    y: int


@dataclass(frozen=True)
class Q:
    name: str
    p: P
    t: tuple[int, int]


for v in [2**64, -(2**64), 2**61 - 1, 2**61, 2**63, -(2**63), 2**62, -1, -2, 2**100 + 5, -(2**100)]:
    print(v, hash(H(v)), hash(v))
print(hash(P(1, 2)), hash((1, 2)))
print(hash(Q("a", P(1, 2), (3, 4))) == hash(("a", P(1, 2), (3, 4))))
print(hash(P(-1, 0)), hash(P(0, 0)))
d: dict[P, int] = {P(1, 2): 5}
print(d[P(1, 2)], P(1, 2) in {P(1, 2)})
