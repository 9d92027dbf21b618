from dataclasses import dataclass


@dataclass
class Account:
    owner: str
    balance: int = 0

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount

    def withdraw(self, amount: int) -> bool:
        if amount > self.balance:
            return False
        self.balance -= amount
        return True

    def __str__(self) -> str:
        return f"{self.owner}: {self.balance}"


def main() -> None:
    acc = Account("ann")
    acc.deposit(100)
    print(acc.withdraw(30), acc.withdraw(500))
    print(acc)
    print(repr(acc))
    try:
        acc.deposit(-5)
    except ValueError as e:
        print("ValueError:", e)


main()
