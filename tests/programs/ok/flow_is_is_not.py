from typing import Optional


class Node:
    def __init__(self, v: int) -> None:
        self.v: int = v


def main() -> None:
    a = Node(1)
    b = a
    c = Node(1)
    print(a is b, a is c, a is not c, b is not a)
    x: Optional[Node] = None
    print(x is None, x is not None)
    x = c
    print(x is None, x is c)
    xs = [1]
    ys = xs
    print(xs is ys, xs is [1], xs == [1])
    t = True
    print(t is True, (not t) is False)


main()
