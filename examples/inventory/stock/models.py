"""The things a warehouse stores, and the movements that change its stock."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """A product of the catalogue. Frozen, so that items can be set members and dict keys."""

    sku: str
    name: str
    category: str
    unit_price: float


@dataclass
class Movement:
    """One change of stock: positive when goods arrive, negative when they leave."""

    sku: str
    quantity: int
    reason: str = "adjustment"

    def describe(self) -> str:
        direction = "in" if self.quantity > 0 else "out"
        return f"{self.sku:<6} {direction:>3} {abs(self.quantity):>4}  ({self.reason})"
