"""The errors a warehouse raises. Callers catch `InventoryError` to handle them all."""


class InventoryError(Exception):
    """The base class of every inventory problem."""


class UnknownItem(InventoryError):
    def __init__(self, sku: str) -> None:
        super().__init__(f"unknown item {sku!r}")
        self.sku: str = sku


class OutOfStock(InventoryError):
    def __init__(self, sku: str, wanted: int, available: int) -> None:
        super().__init__(f"cannot ship {wanted} of {sku}: only {available} left")
        self.sku: str = sku
        self.wanted: int = wanted
        self.available: int = available
