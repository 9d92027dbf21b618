class Ticket:
    issued: int = 0

    def __init__(self, owner: str) -> None:
        Ticket.issued += 1
        self.number: int = Ticket.issued
        self.owner: str = owner

    def __str__(self) -> str:
        return f"#{self.number} for {self.owner}"


def main() -> None:
    tickets = [Ticket(n) for n in ["ann", "bob", "cy"]]
    for t in tickets:
        print(t)
    print(Ticket.issued)


main()
