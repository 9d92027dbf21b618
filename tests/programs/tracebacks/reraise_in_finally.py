def work(n: int) -> int:
    try:
        return 10 // n
    finally:
        print("cleanup")


def outer() -> int:
    try:
        return work(0)
    except ZeroDivisionError:
        print("seen")
        raise


outer()
