counter: int = 0
history: list[int] = []
NAME = "global"


def bump(by: int) -> int:
    global counter
    counter += by
    history.append(counter)
    return counter


def reset() -> None:
    global counter
    counter = 0


def read_only() -> str:
    return NAME + str(counter)


def main() -> None:
    bump(1)
    bump(5)
    print(counter, history, read_only())
    reset()
    print(counter, history)
    bump(2)
    print(read_only())


main()
