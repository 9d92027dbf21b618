class Box:
    def __init__(self) -> None:
        self.label: str = "box"
        self.size: int = 1


b = Box()
b.label = 3  # error: assignment
