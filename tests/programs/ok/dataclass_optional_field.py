from dataclasses import dataclass
from typing import Optional


@dataclass
class TreeNode:
    value: int
    left: Optional["TreeNode"] = None
    right: Optional["TreeNode"] = None


def total(node: Optional[TreeNode]) -> int:
    if node is None:
        return 0
    return node.value + total(node.left) + total(node.right)


def main() -> None:
    t = TreeNode(1, TreeNode(2), TreeNode(3, None, TreeNode(4)))
    print(t)
    print(total(t), total(None))
    print(t.left == TreeNode(2), t.right is not None and t.right.left is None)


main()
