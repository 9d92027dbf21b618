from dataclasses import dataclass
from typing import Optional


@dataclass
class Product:
    sku: str
    name: str
    price: float
    qty: int = 0


class Inventory:
    def __init__(self) -> None:
        self.products: dict[str, Product] = {}

    def add(self, p: Product) -> None:
        if p.sku in self.products:
            self.products[p.sku].qty += p.qty
        else:
            self.products[p.sku] = p

    def find(self, sku: str) -> Optional[Product]:
        return self.products.get(sku)

    def value(self) -> float:
        return sum(p.price * p.qty for p in self.products.values())

    def low_stock(self, threshold: int) -> list[str]:
        return sorted(p.name for p in self.products.values() if p.qty < threshold)


def main() -> None:
    inv = Inventory()
    inv.add(Product("A1", "widget", 2.5, 10))
    inv.add(Product("B2", "gadget", 10, 1))
    inv.add(Product("A1", "widget", 2.5, 5))
    inv.add(Product("C3", "doohickey", 0.75))
    print(inv.products["A1"])
    print(f"{inv.value():.2f}", inv.low_stock(3))
    p = inv.find("B2")
    if p is not None:
        p.qty += 4
    print(inv.find("B2"), inv.find("Z9"))


main()
