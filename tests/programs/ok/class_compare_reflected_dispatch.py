# Comparisons of instances dispatch as CPython's: the right operand's reflected method
# first when its class is a subclass of the left's that overrides it, then the left's
# method, then the reflected one (a class with only __gt__ can be sorted).

class A:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __eq__(self, o: object) -> bool:
        print("A.eq", end=" ")
        return False

    def __lt__(self, o: "A") -> bool:
        print("A.lt", end=" ")
        return self.v < o.v


class B(A):
    def __eq__(self, o: object) -> bool:
        print("B.eq", end=" ")
        return True

    def __gt__(self, o: "A") -> bool:
        print("B.gt", end=" ")
        return self.v > o.v


class P:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __gt__(self, other: "P") -> bool:
        return self.v > other.v


print(A(1) == B(2), A(1) != B(2), B(1) == A(2), A(1) == A(1))
print(A(1) < B(2), B(1) < A(2), A(3) < A(1))
print(P(1) < P(2), P(3) < P(2))
ps = [P(3), P(1), P(2)]
print([p.v for p in sorted(ps)])
