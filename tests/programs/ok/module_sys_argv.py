import sys


def main() -> None:
    print(len(sys.argv))
    print(sys.argv[0].endswith(".py"))


main()
