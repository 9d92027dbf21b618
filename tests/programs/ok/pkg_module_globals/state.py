counter: int = 0
events: list[str] = []


def record(name: str) -> None:
    global counter
    counter += 1
    events.append(name)


def bump(n: int) -> None:
    global counter
    counter += n


def snapshot() -> tuple[int, list[str]]:
    return counter, events[:]
