class Basket:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, item: str, qty: int) -> None:
        for _ in range(qty):
            self.items.append(item)


b = Basket()
b.add("apple", "3")  # error: arg-type
b.add(3, 1)  # error: arg-type
