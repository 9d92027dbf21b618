class Stack:
    def __init__(self) -> None:
        self.items: list[int] = []

    def push(self, v: int) -> None:
        self.items.append(v)


s = Stack()
s.push(1)
s.pop()  # error: attr-defined
