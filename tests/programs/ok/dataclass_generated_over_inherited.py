# A dataclass generates its own __repr__ and __eq__ unless its own body defines them,
# whatever its bases define; the generated ones use its fields and the instance's class.

from dataclasses import dataclass


@dataclass
class D:
    v: int

    def __repr__(self) -> str:
        return "custom"

    def __eq__(self, o: object) -> bool:
        return True


@dataclass
class E(D):
    w: int = 0


class Base:
    def __repr__(self) -> str:
        return "Base!"


@dataclass
class G(Base):
    x: int


@dataclass(order=True)
class H:
    a: int


@dataclass(order=True)
class I(H):
    extra: str = "i"


@dataclass
class J(G):
    def __repr__(self) -> str:
        return "J's own"


print(D(1), E(1, 2), E(1, 2) == E(3, 4), E(1, 2) == E(1, 2), D(1) == D(2))
print(G(5), [G(1), G(2)], G(1) == G(1))
print(I(2), I(1) < I(2), I(2) == I(2), I(1).extra)
print(J(3), J(3) == J(3), J(3) == G(3))
