import sys


def main() -> None:
    try:
        sys.exit(1)
    except SystemExit:  # error: unsupported
        print("caught")


main()
