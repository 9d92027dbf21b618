"""A warehouse: a catalogue of items, their stock levels and the history of movements."""

from typing import Optional

from .errors import OutOfStock, UnknownItem
from .models import Item, Movement


class Warehouse:
    def __init__(self, name: str) -> None:
        self.name: str = name
        self.catalogue: dict[str, Item] = {}
        self.levels: dict[str, int] = {}
        self.history: list[Movement] = []

    def add_item(self, item: Item, quantity: int = 0) -> None:
        if item.sku in self.catalogue:
            raise ValueError(f"duplicate SKU {item.sku!r}")
        self.catalogue[item.sku] = item
        self.levels[item.sku] = 0
        if quantity > 0:
            self.receive(item.sku, quantity, reason="opening stock")

    def find(self, sku: str) -> Optional[Item]:
        return self.catalogue.get(sku)

    def level(self, sku: str) -> int:
        if sku not in self.levels:
            raise UnknownItem(sku)
        return self.levels[sku]

    def receive(self, sku: str, quantity: int, *, reason: str = "delivery") -> None:
        self.levels[sku] = self.level(sku) + quantity
        self.history.append(Movement(sku, quantity, reason))

    def ship(self, sku: str, quantity: int, *, reason: str = "order") -> None:
        available = self.level(sku)
        if quantity > available:
            raise OutOfStock(sku, quantity, available)
        self.levels[sku] = available - quantity
        self.history.append(Movement(sku, -quantity, reason))

    def stock_value(self) -> float:
        return sum(self.catalogue[sku].unit_price * quantity for sku, quantity in self.levels.items())

    def low_stock(self, threshold: int) -> list[Item]:
        low = [self.catalogue[sku] for sku, quantity in self.levels.items() if quantity < threshold]
        return sorted(low, key=lambda item: item.name)
