class EmptyStackError(Exception):
    pass


class Stack:
    def __init__(self) -> None:
        self._items: list[int] = []

    def push(self, v: int) -> None:
        self._items.append(v)

    def pop(self) -> int:
        if not self._items:
            raise EmptyStackError("pop from empty stack")
        return self._items.pop()

    def peek(self) -> int:
        if not self._items:
            raise EmptyStackError("peek at empty stack")
        return self._items[-1]

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Stack({self._items})"


def main() -> None:
    s = Stack()
    for v in [1, 2, 3]:
        s.push(v)
    print(s, len(s), s.peek())
    print(s.pop(), s.pop(), s)
    s.pop()
    try:
        s.pop()
    except EmptyStackError as e:
        print("error:", e)


main()
