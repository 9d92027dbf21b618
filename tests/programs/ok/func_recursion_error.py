def forever(n: int) -> int:
    return forever(n + 1) + 1


def main() -> None:
    try:
        forever(0)
    except RecursionError:
        print("deep")
    try:
        forever(0)
    except RecursionError as e:
        print("again:", e)
    print("still running")


main()
