from typing import Optional


class Link:
    def __init__(self, v: int, nxt: Optional["Link"]) -> None:
        self.v: int = v
        self.nxt: Optional[Link] = nxt


def main() -> None:
    head: Optional[Link] = None
    for i in range(5):
        head = Link(i, head)
    total = 0
    cur = head
    while cur is not None:
        total += cur.v
        cur = cur.nxt
    print(total)
    node = head
    steps = 0
    while node and node.v > 1:
        node = node.nxt
        steps += 1
    print(steps, node.v if node else None)


main()
