class Thing:
    def __init__(self) -> int:  # error: misc
        return 1


print("x")
