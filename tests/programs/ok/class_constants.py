class Config:
    MAX_SIZE = 10
    NAME: str = "cfg"
    RATIOS: tuple[float, ...] = (0.5, 0.25)

    def __init__(self, size: int) -> None:
        self.size: int = min(size, Config.MAX_SIZE)

    def label(self) -> str:
        return f"{self.NAME}:{self.size}/{self.MAX_SIZE}"


class Derived(Config):
    NAME: str = "derived"


def main() -> None:
    print(Config.MAX_SIZE, Config.NAME, Config.RATIOS)
    print(Config(50).label(), Config(3).label())
    print(Derived(4).label(), Derived.MAX_SIZE)


main()
