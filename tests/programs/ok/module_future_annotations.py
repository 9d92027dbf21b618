from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Node:
    value: int
    children: list[Node]

    def add(self, child: Node) -> Node:
        self.children.append(child)
        return self

    def size(self) -> int:
        return 1 + sum(c.size() for c in self.children)


def build() -> Node:
    return Node(1, []).add(Node(2, [])).add(Node(3, [Node(4, [])]))


def main() -> None:
    t = build()
    print(t.size())
    print(t)


main()
