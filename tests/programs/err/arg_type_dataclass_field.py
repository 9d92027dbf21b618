from dataclasses import dataclass


@dataclass
class Item:
    name: str
    price: float


it = Item("pen", "cheap")  # error: arg-type
it2 = Item(price=1.5, name=7)  # error: arg-type
