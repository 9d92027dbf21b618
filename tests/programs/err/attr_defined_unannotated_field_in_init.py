class Timer:
    def __init__(self) -> None:
        self.ticks = 0  # error: attr-defined

    def tick(self) -> None:
        self.ticks += 1  # error: attr-defined


Timer().tick()
