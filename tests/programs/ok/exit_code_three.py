import sys


def main() -> None:
    print("exiting with 3")
    sys.exit(3)


main()
print("not reached")
