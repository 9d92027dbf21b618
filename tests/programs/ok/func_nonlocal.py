from typing import Callable


def make_counter() -> Callable[[], int]:
    count = 0

    def incr() -> int:
        nonlocal count
        count += 1
        return count
    return incr


def accumulate(xs: list[int]) -> int:
    total = 0

    def add(v: int) -> None:
        nonlocal total
        total += v
    for x in xs:
        add(x)
    return total


def outer() -> str:
    log = "start"

    def middle() -> None:
        nonlocal log
        log += "-middle"

        def inner() -> None:
            nonlocal log
            log += "-inner"
        inner()
    middle()
    return log


def main() -> None:
    c1 = make_counter()
    c2 = make_counter()
    print(c1(), c1(), c1(), c2())
    print(accumulate([1, 2, 3, 4]))
    print(outer())


main()
