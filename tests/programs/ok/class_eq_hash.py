class Money:
    def __init__(self, cents: int, currency: str) -> None:
        self.cents: int = cents
        self.currency: str = currency

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return False
        return self.cents == other.cents and self.currency == other.currency

    def __hash__(self) -> int:
        return hash((self.cents, self.currency))

    def __repr__(self) -> str:
        return f"Money({self.cents}, {self.currency!r})"


def main() -> None:
    a = Money(100, "EUR")
    b = Money(100, "EUR")
    c = Money(100, "USD")
    print(a == b, a == c, a != c, a is b)
    wallet = {a, b, c}
    print(len(wallet))
    prices = {a: "one euro"}
    print(prices[b], b in prices, c in prices)
    print([a, c].count(b), [c, a].index(b))


main()
