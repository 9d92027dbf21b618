from dataclasses import dataclass


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    pass


class UnknownAccount(BankError):
    pass


@dataclass
class Account:
    id: str
    balance: int


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        self.log: list[str] = []

    def open(self, id: str, initial: int = 0) -> None:
        self.accounts[id] = Account(id, initial)

    def get(self, id: str) -> Account:
        if id not in self.accounts:
            raise UnknownAccount(id)
        return self.accounts[id]

    def transfer(self, src: str, dst: str, amount: int) -> None:
        a = self.get(src)
        b = self.get(dst)
        if a.balance < amount:
            raise InsufficientFunds(f"{src} has {a.balance}, needs {amount}")
        a.balance -= amount
        b.balance += amount
        self.log.append(f"{src}->{dst}:{amount}")


def main() -> None:
    bank = Bank()
    bank.open("alice", 100)
    bank.open("bob")
    for src, dst, amt in [("alice", "bob", 30), ("bob", "alice", 50), ("alice", "carol", 1), ("bob", "alice", 30)]:
        try:
            bank.transfer(src, dst, amt)
        except InsufficientFunds as e:
            print("insufficient:", e)
        except BankError as e:
            print("bank error:", e)
    print(list(bank.accounts.values()))
    print(bank.log)


main()
