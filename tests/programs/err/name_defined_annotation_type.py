def area(shape: Shape) -> float:  # error: name-defined
    return 0.0


x: Widget = 5  # error: name-defined
