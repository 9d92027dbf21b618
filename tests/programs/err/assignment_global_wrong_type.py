counter: int = 0


def reset() -> None:
    global counter
    counter = "zero"  # error: assignment


reset()
