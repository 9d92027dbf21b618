class Circle:
    def __init__(self, r: float) -> None:
        self.r: float = r

    @property  # error: unsupported
    def area(self) -> float:
        return 3.14 * self.r * self.r


print(Circle(1).r)
