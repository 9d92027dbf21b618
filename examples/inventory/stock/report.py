"""Text reports about a warehouse, as lists of lines: printing is the caller's business."""

from .models import Movement
from .warehouse import Warehouse

COLUMNS: tuple[str, str, str, str] = ("SKU", "NAME", "QTY", "VALUE")


def stock_table(warehouse: Warehouse) -> list[str]:
    sku, name, quantity, value = COLUMNS
    lines = [f"{sku:<6} {name:<18} {quantity:>5} {value:>10}"]
    for code in sorted(warehouse.catalogue.keys()):
        item = warehouse.catalogue[code]
        level = warehouse.levels[code]
        lines.append(f"{code:<6} {item.name:<18} {level:>5} {item.unit_price * level:>10.2f}")
    label = "total"
    units = sum(warehouse.levels.values())
    lines.append(" " * 7 + f"{label:<18} {units:>5} {warehouse.stock_value():>10.2f}")
    return lines


def category_totals(warehouse: Warehouse) -> dict[str, float]:
    """The stock value per category, in alphabetical order of category."""
    totals: dict[str, float] = {}
    for category in sorted({item.category for item in warehouse.catalogue.values()}):
        totals[category] = 0.0
    for code, level in warehouse.levels.items():
        item = warehouse.catalogue[code]
        totals[item.category] += item.unit_price * level
    return totals


def busiest(history: list[Movement], count: int) -> list[tuple[str, int]]:
    """The `count` SKUs that moved the most units, most first (ties by SKU)."""
    moved: dict[str, int] = {}
    for movement in history:
        moved[movement.sku] = moved.get(movement.sku, 0) + abs(movement.quantity)
    ranked = sorted(moved.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:count]
