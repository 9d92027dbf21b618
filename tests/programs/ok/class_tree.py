from typing import Optional


class Tree:
    def __init__(self, key: int) -> None:
        self.key: int = key
        self.left: Optional[Tree] = None
        self.right: Optional[Tree] = None

    def insert(self, key: int) -> None:
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def inorder(self, out: list[int]) -> None:
        if self.left:
            self.left.inorder(out)
        out.append(self.key)
        if self.right:
            self.right.inorder(out)

    def height(self) -> int:
        lh = self.left.height() if self.left else 0
        rh = self.right.height() if self.right else 0
        return 1 + max(lh, rh)


def main() -> None:
    root = Tree(50)
    for k in [30, 70, 20, 40, 60, 80, 35, 65, 10]:
        root.insert(k)
    out: list[int] = []
    root.inorder(out)
    print(out, root.height())


main()
