class Rect:
    def __init__(self, w: int, h: int) -> None:
        self.w: int = w
        self.h: int = h

    def area(self) -> int:
        return self.w * self.h
