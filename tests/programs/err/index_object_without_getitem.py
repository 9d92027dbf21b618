class Bag:
    def __init__(self) -> None:
        self.items: list[str] = ["a"]


b = Bag()
print(b[0])  # error: index
