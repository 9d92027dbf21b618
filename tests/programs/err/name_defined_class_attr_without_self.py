class Counter:
    def __init__(self) -> None:
        self.count: int = 0

    def incr(self) -> int:
        count += 1  # error: name-defined
        return self.count


Counter().incr()
