class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x: int = x
        self.y: int = y


p = Point("1", 2)  # error: arg-type
