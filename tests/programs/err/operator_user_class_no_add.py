class Money:
    def __init__(self, cents: int) -> None:
        self.cents: int = cents


total = Money(1) + Money(2)  # error: operator
