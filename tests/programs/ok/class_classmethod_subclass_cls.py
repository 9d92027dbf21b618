class A:
    tag: str = "A"

    def __init__(self) -> None:
        self.made_by: str = "?"

    @classmethod
    def make(cls) -> "A":
        obj = cls()
        obj.made_by = "make"
        return obj

    @classmethod
    def chain(cls) -> "A":
        return cls.make()

    @staticmethod
    def helper(x: int) -> int:
        return x + 1

    def who(self) -> str:
        return "A"


class B(A):
    def who(self) -> str:
        return "B"


print(B.make().who(), B().make().who(), A.make().who())
print(B.chain().who(), A.chain().who())
print(B.helper(1), A.helper(2))


class C(B):
    @classmethod
    def make(cls) -> "A":
        print("C.make", end=" ")
        obj = cls()
        obj.made_by = "C"
        return obj


print(C.chain().who(), C.chain().made_by, B.chain().made_by)
