from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float


@dataclass
class Order:
    id: int
    items: list[Item]
    tags: dict[str, int]

    def total(self) -> float:
        return sum(i.price for i in self.items)


def main() -> None:
    o = Order(7, [Item("pen", 1.25), Item("book", 12)], {"rush": 1})
    print(o)
    print(o.total())
    o.items.append(Item("bag", 3.5))
    print(len(o.items), o.total())
    o2 = Order(7, [Item("pen", 1.25), Item("book", 12), Item("bag", 3.5)], {"rush": 1})
    print(o == o2)


main()
