class Pair:
    def __init__(self, a: int, b: int) -> None:
        self.a: int = a
        self.b: int = b


p = Pair(1)  # error: call-arg
q = Pair(1, 2, 3)  # error: call-arg
