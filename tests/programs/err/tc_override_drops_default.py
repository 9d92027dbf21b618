class Base:
    def step(self, size: int = 1) -> int:
        return size

    def move(self, dx: int) -> int:
        return dx


class Child(Base):
    def step(self, size: int) -> int:  # error: misc
        return size * 2

    def move(self, dx: int, dy: int) -> int:  # error: misc
        return dx + dy
