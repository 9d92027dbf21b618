print("gamma init")


def greeting() -> str:
    return "hi from gamma"
