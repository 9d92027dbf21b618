import sys


def require(cond: bool, what: str) -> None:
    if cond:
        print(what, "passed")
        return
    print(what, "failed, exiting with 4")
    sys.exit(4)
