class P:
    def __init__(self, n: int) -> None:
        self.inv: float = 1 / n


items = [P(1), P(0)]
