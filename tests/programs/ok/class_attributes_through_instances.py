# Class attributes as CPython has them: an instance that has not set a field reads the
# class attribute of that name (from its own class up), and `Sub.name = v` stores into Sub.

class A:
    kind: str = "a"
    n: int = 0
    count: int = 2

    def get(self) -> str:
        return self.kind

    def bump(self) -> None:
        self.count += 10


class B(A):
    kind = "b"


class C(A):
    pass


a = A()
print(B().kind, B().get(), B.kind, A.kind, a.kind)
A.n = 5
print(A().n, a.n, C().n, C.n)
C.n = 7
print(A.n, C.n, C().n, a.n)
a.n = 1
print(a.n, A.n)
A.n += 1
print(A.n, C.n, a.n, A().n)
C.n += 1
print(A.n, C.n)
x = A()
x.bump()
print(x.count, A.count, A().count)
A.kind = "changed"
print(a.kind, B().kind, C().kind)


class P:
    count = 0
    label: str = "base"


class Q(P):
    pass


Q.count = 1
print(P.count, Q.count)
Q.label = "sub"
print(P.label, Q.label, P().label, Q().label)
Q.count += 5
print(P.count, Q.count)
