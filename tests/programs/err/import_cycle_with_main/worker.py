import main


def run() -> int:
    return main.LIMIT * 2
