class C:
    def __init__(self) -> None:
        self.a: int = 1


print(getattr(C(), "a"))  # error: unsupported
