class Temperature:
    def __init__(self, c: float) -> None:
        self.c: float = c

    def label(self) -> str:
        return self.c  # error: return-value


print(Temperature(1.5).label())
