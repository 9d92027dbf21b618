from typing import Optional


class Node:
    def __init__(self, v: int) -> None:
        self.v: int = v
        self.next: Optional[Node] = None


def second(n: Node) -> int:
    return n.next.v  # error: union-attr


print(second(Node(1)))
