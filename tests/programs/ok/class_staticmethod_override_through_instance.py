# A static method called through an instance is looked up on the instance's class:
# a subclass's override wins, as in CPython.

class A:
    @staticmethod
    def s(x: int) -> int:
        return x

    def use(self) -> int:
        return self.s(10)


class B(A):
    @staticmethod
    def s(x: int) -> int:
        return x + 5


def run(a: A) -> int:
    return a.s(1)


a: A = B()
print(a.s(1), run(A()), run(B()), B().use(), A().use(), B.s(2), A.s(2))
