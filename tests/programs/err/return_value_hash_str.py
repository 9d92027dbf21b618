class Key:
    def __init__(self, k: str) -> None:
        self.k: str = k

    def __hash__(self) -> int:
        return self.k  # error: return-value


print(hash(Key("a")) != 0)
