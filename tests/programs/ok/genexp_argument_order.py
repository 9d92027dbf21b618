# A generator expression passed to a built-in is created (its first iterable evaluated)
# before the call's later arguments; its elements are produced when the built-in runs.

from typing import Callable


def note(label: str, value: int) -> int:
    print("eval", label, value)
    return value


def items(label: str, n: int) -> list[int]:
    print("iterable", label)
    return list(range(n))


def key_fn(label: str) -> Callable[[int], int]:
    print("key", label)
    return lambda x: -x


def flag(label: str, value: bool) -> bool:
    print("reverse", label)
    return value


def main() -> None:
    print(sum((note("sum", x) for x in items("sum", 3)), note("start", 10)))
    print(sum((note("sum2", x) for x in items("outer", 2) for y in items("inner", 2)), 0))
    print(sorted((note("sorted", x) for x in items("sorted", 3)), key=key_fn("sorted")))
    print(sorted((note("both", x) for x in items("both", 3)), key=key_fn("both"), reverse=flag("both", True)))
    print(max((note("max", x) for x in items("max", 3)), key=key_fn("max")))
    print(min((note("min", x) for x in items("min", 0)), default=note("default", 7)))
    print(max((note("maxd", x) for x in items("maxd", 2)), key=key_fn("maxd"), default=note("maxd-default", 9)))
    print(min((x * y for x in range(note("range", 3)) for y in items("inner", 2)), key=key_fn("range")))
    print(sum((x for x in (note("a", 1), note("b", 2))), note("tuple start", 5)))
    print(sum((x for x in range(note("lo", 1), note("hi", 4), note("step", 2))), note("range start", 100)))
    print(", ".join(str(note("join", x)) for x in items("join", 2)))
    print(list(note("list", x) for x in items("list", 2)))
    print(any(note("any", x) > 0 for x in items("any", 3)))


if __name__ == "__main__":
    main()
