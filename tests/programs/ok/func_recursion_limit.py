import sys


def depth(n: int) -> int:
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def main() -> None:
    sys.setrecursionlimit(5000)
    print(depth(4000))
    sys.setrecursionlimit(100)
    try:
        print(depth(500))
    except RecursionError:
        print("limited")
    sys.setrecursionlimit(1000)
    print(depth(500))


main()
