class Player:
    def __init__(self, name: str) -> None:
        self.name: str = name
        self.score: int = 0


p = Player("ann")
p.score = "high"  # error: assignment
p.name = None  # error: assignment
