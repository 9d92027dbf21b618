class Inventory:
    def __init__(self, owner: str) -> None:
        self.owner: str = owner
        self.items: dict[str, int] = {}
        self.count: int = 0

    def add(self, name: str, qty: int = 1) -> None:
        self.items[name] = self.items.get(name, 0) + qty
        self.count += qty

    def remove(self, name: str) -> bool:
        if name in self.items:
            self.count -= self.items.pop(name)
            return True
        return False


def main() -> None:
    inv = Inventory("ann")
    inv.add("apple", 3)
    inv.add("pear")
    inv.add("apple")
    print(inv.owner, inv.items, inv.count)
    print(inv.remove("apple"), inv.remove("plum"), inv.items, inv.count)


main()
