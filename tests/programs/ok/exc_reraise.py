log: list[str] = []


def inner(v: int) -> int:
    try:
        return 10 // v
    except ZeroDivisionError:
        log.append("inner saw it")
        raise


def outer(v: int) -> int:
    try:
        return inner(v)
    except ZeroDivisionError as e:
        log.append("outer saw it: " + str(e))
        raise e


def main() -> None:
    print(outer(2))
    try:
        outer(0)
    except ZeroDivisionError as e:
        print("main caught:", e)
    print(log)


main()
