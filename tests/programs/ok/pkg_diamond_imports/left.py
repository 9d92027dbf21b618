import base

print("left initialised")


def value() -> str:
    return "left" + str(base.counter())
