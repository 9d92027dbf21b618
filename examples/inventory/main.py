"""The inventory example: stocks a small warehouse, processes a day of orders and prints
reports. Run it with `python3 examples/inventory/main.py`; check it with
`typhon check examples/inventory`.
"""

import sys

from stock.errors import InventoryError, OutOfStock
from stock.models import Item
from stock.report import busiest, category_totals, stock_table
from stock.warehouse import Warehouse

REORDER_BELOW: int = 5

OPENING_STOCK: list[tuple[Item, int]] = [
    (Item("A100", "Espresso beans", "coffee", 12.5), 40),
    (Item("A200", "Decaf beans", "coffee", 13.25), 6),
    (Item("B100", "Paper filters", "supplies", 2.75), 120),
    (Item("B200", "Milk frother", "equipment", 34.0), 3),
    (Item("C300", "Ceramic mug", "equipment", 8.0), 24),
]

ORDERS: list[tuple[str, int]] = [
    ("A100", 12),
    ("B200", 5),
    ("C300", 10),
    ("Z999", 1),
    ("A200", 4),
    ("B100", 100),
    ("A100", 25),
]


def stock_up(warehouse: Warehouse) -> None:
    for item, quantity in OPENING_STOCK:
        warehouse.add_item(item, quantity)


def process_orders(warehouse: Warehouse, orders: list[tuple[str, int]]) -> tuple[int, list[str]]:
    """Ships every order it can. An order larger than the stock ships what is left."""
    shipped = 0
    problems: list[str] = []
    for index, order in enumerate(orders):
        sku, quantity = order
        try:
            warehouse.ship(sku, quantity)
        except OutOfStock as error:
            problems.append(f"order {index + 1}: {error}")
            if error.available > 0:
                warehouse.ship(sku, error.available, reason="partial order")
                shipped += error.available
        except InventoryError as failure:
            problems.append(f"order {index + 1}: {failure}")
        else:
            shipped += quantity
    return shipped, problems


def main() -> int:
    warehouse = Warehouse("Harbour Street")
    stock_up(warehouse)
    shipped, problems = process_orders(warehouse, ORDERS)
    warehouse.receive("A200", 12)

    print(f"Warehouse {warehouse.name}: {len(ORDERS)} orders, {shipped:,} units shipped")
    for problem in problems:
        print("  problem:", problem)
    print()
    for line in stock_table(warehouse):
        print(line)
    print()
    for category, value in category_totals(warehouse).items():
        print(f"{category:>10}: {value:8.2f}")

    low = warehouse.low_stock(REORDER_BELOW)
    reorder = ", ".join(item.name for item in low) if low else "nothing"
    print(f"Reorder: {reorder}")

    found = warehouse.find("C300")
    if found is not None:
        print(f"Mugs left: {warehouse.level(found.sku)} at {found.unit_price:.2f} each")
    print("Busiest:", busiest(warehouse.history, 3))
    print("Last movements:")
    for movement in warehouse.history[-3:]:
        print("  " + movement.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
