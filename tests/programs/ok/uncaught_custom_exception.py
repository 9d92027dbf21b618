class InsufficientFunds(Exception):
    pass


def withdraw(balance: int, amount: int) -> int:
    if amount > balance:
        raise InsufficientFunds(f"need {amount}, have {balance}")
    return balance - amount


b: int = withdraw(100, 30)
print("balance", b)
b = withdraw(b, 500)
print("unreachable", b)
