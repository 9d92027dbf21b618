class A:
    l: list[int]
    n: int = 5


a = A()
print(a.n)
try:
    a.l.append(1)
except Exception as e:
    print("error:", e)
a.l = [1]
a.l.append(2)
print(a.l)


class Base:
    def __init__(self) -> None:
        self.x: int = 1


class Sub(Base):
    def __init__(self) -> None:
        self.y: int = 2


s = Sub()
print(s.y)
try:
    print(s.x)
except Exception as e:
    print("error:", e)


class Node:
    value: int
    next: "Node | None"

    def __init__(self, value: int) -> None:
        self.value = value


node = Node(3)
print(node.value)
try:
    print(node.next)
except Exception as e:
    print("error:", e)
print(A().l)
