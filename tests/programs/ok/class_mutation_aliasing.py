class Box:
    def __init__(self, items: list[int]) -> None:
        self.items: list[int] = items


def grow(b: Box) -> None:
    b.items.append(len(b.items))


def main() -> None:
    shared = [1]
    b1 = Box(shared)
    b2 = Box(shared)
    grow(b1)
    print(b1.items, b2.items, shared)
    b3 = b1
    b3.items = [9]
    print(b1.items, b2.items)
    boxes = [Box([]) for _ in range(3)]
    for i, b in enumerate(boxes):
        for _ in range(i):
            grow(b)
    print([b.items for b in boxes])


main()
