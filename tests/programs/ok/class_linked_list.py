from typing import Optional


class Node:
    def __init__(self, value: int, next: Optional["Node"] = None) -> None:
        self.value: int = value
        self.next: Optional[Node] = next


class LinkedList:
    def __init__(self) -> None:
        self.head: Optional[Node] = None
        self.size: int = 0

    def push_front(self, v: int) -> None:
        self.head = Node(v, self.head)
        self.size += 1

    def to_list(self) -> list[int]:
        out: list[int] = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out

    def reverse(self) -> None:
        prev: Optional[Node] = None
        cur = self.head
        while cur:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def find(self, v: int) -> Optional[Node]:
        cur = self.head
        while cur is not None and cur.value != v:
            cur = cur.next
        return cur


def main() -> None:
    ll = LinkedList()
    for v in [1, 2, 3, 4]:
        ll.push_front(v)
    print(ll.to_list(), ll.size)
    ll.reverse()
    print(ll.to_list())
    node = ll.find(3)
    print(node.value if node else None, ll.find(99) is None)


main()
