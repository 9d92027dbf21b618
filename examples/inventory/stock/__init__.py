"""A small warehouse: items, stock levels, movements and reports."""
