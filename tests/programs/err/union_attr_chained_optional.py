from typing import Optional


class Tree:
    def __init__(self) -> None:
        self.left: Optional[Tree] = None
        self.value: int = 0


def leftmost_value(t: Tree) -> int:
    if t.left is not None:
        return t.left.left.value  # error: union-attr
    return t.value


print(leftmost_value(Tree()))
