LIMIT: int = 10


def configure(text: str) -> None:
    global LIMIT
    LIMIT = text  # error: assignment


configure("5")
