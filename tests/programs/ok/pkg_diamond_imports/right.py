from base import counter

print("right initialised")


def value() -> str:
    return "right" + str(counter())
