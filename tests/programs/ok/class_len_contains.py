class Bag:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, item: str) -> None:
        self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: str) -> bool:
        return item in self.items


def main() -> None:
    bag = Bag()
    print(len(bag), "x" in bag, bool(bag))
    if not bag:
        print("empty bag is falsy")
    bag.add("x")
    bag.add("y")
    print(len(bag), "x" in bag, "z" in bag, "z" not in bag)
    if bag:
        print("non-empty bag is truthy")


main()
