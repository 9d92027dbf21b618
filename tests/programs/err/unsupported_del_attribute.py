class Box:
    def __init__(self) -> None:
        self.v: int = 1


b = Box()
del b.v  # error: unsupported
