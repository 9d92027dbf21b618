from dataclasses import dataclass


class A:
    def __eq__(self, other: object) -> bool:
        print("A.__eq__")
        return True


class B(A):
    def __eq__(self, other: object) -> bool:
        print("B.__eq__")
        return False


# Inside containers the VM dispatches: the subclass's reflected method goes first.
print([A()] == [B()])
print([B()] == [A()])
print((A(),) != (B(),))
print(B() in [A()], A() in [B()])


class V:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __lt__(self, other: "V") -> bool:
        print("V.__lt__", self.v, other.v)
        return self.v < other.v

    def __repr__(self) -> str:
        return f"V({self.v})"


class W(V):
    def __gt__(self, other: "V") -> bool:
        print("W.__gt__", self.v, other.v)
        return self.v > other.v


print((V(1),) < (W(2),))
print((W(1),) < (V(2),))
print(max([V(1), W(2)]), min([W(3), V(2)]))
print(V(1) > V(2))
print(V(3) > V(2))


class K:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __lt__(self, other: "K") -> bool:
        print("K.__lt__", self.v, other.v)
        return self.v < other.v

    def __repr__(self) -> str:
        return f"K({self.v})"


print((K(5),) < (K(3),))
print([K(1), K(5)] < [K(1), K(3)])
k = K(7)
print((k, K(1)) < (k, K(2)))
print((1, K(2)) > (1, K(1)))
print(sorted([K(3), K(1), K(2), K(5), K(4)]))
print(min([K(3), K(1), K(2)]), max([K(3), K(1), K(2)]))
print(max(K(3), K(8)))


class N:
    pass


n1 = N()
print(n1 == n1, n1 == N(), n1 != N(), n1 != n1)


@dataclass(order=True)
class D:
    a: int
    b: str


print(D(1, "x") < D(1, "y"), D(2, "a") > D(1, "z"), D(1, "a") == D(1, "a"), D(1, "a") != D(1, "b"))
print(sorted([D(2, "b"), D(1, "c"), D(2, "a")]))
