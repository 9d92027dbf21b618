import sys


def deep(n: int) -> None:
    if n == 0:
        print("exiting from depth")
        sys.exit(42)
    try:
        deep(n - 1)
    finally:
        print("finally at", n)


deep(3)
