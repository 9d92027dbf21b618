from geometry.shapes import Shape


def total_area(shapes: list[Shape]) -> float:
    return round(sum(s.area() for s in shapes), 4)


def describe(s: Shape) -> str:
    return f"{s.name()}: {s.area():.3f}"
