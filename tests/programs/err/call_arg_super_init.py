class Base:
    def __init__(self, name: str) -> None:
        self.name: str = name


class Child(Base):
    def __init__(self) -> None:
        super().__init__()  # error: call-arg


Child()
