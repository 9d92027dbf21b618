class Account:
    def __init__(self, owner: str) -> None:
        self.owner: str = owner

    def deposit(self, amount: int) -> None:
        self.balance = amount  # error: attr-defined


Account("x").deposit(5)
