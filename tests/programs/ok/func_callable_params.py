from typing import Callable


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    def h(x: int) -> int:
        return f(g(x))
    return h


def map_list(f: Callable[[str], str], xs: list[str]) -> list[str]:
    return [f(x) for x in xs]


def inc(x: int) -> int:
    return x + 1


def dbl(x: int) -> int:
    return x * 2


def run(action: Callable[[], None], times: int) -> None:
    for _ in range(times):
        action()


def hello() -> None:
    print("hello")


def main() -> None:
    print(apply_twice(inc, 5), apply_twice(dbl, 5), apply_twice(lambda v: v - 3, 0))
    print(compose(inc, dbl)(10), compose(dbl, inc)(10))
    print(map_list(lambda s: s.upper(), ["a", "b"]))
    run(hello, 2)
    fs: list[Callable[[int], int]] = [inc, dbl, compose(inc, inc)]
    print([f(1) for f in fs])


main()
