class Counter:
    def __init__(self) -> None:
        self.n: int = 0

    def incr(self) -> None:
        self.n += 1


c = Counter()
c.incr(5)  # error: call-arg
