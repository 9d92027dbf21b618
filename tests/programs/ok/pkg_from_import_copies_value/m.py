N: int = 0
ITEMS: list[int] = []
LABEL: str = "start"


def inc() -> None:
    global N, LABEL
    N += 1
    LABEL = "changed"
    ITEMS.append(N)
