import sys


def main() -> None:
    try:
        print("trying")
        sys.exit(5)
    except Exception:
        print("Exception handler must not see SystemExit")
    finally:
        print("finally still runs")
    print("unreachable")


main()
