from typing import Callable


def main() -> None:
    square: Callable[[int], int] = lambda x: x * x
    add: Callable[[int, int], int] = lambda a, b: a + b
    const: Callable[[], str] = lambda: "constant"
    print(square(7), add(2, 3), const())
    pairs = [(1, "b"), (3, "a"), (2, "c")]
    print(sorted(pairs, key=lambda p: p[1]))
    print(sorted(pairs, key=lambda p: -p[0]))
    ops: dict[str, Callable[[int, int], int]] = {
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
    }
    for sym in ["+", "-", "*"]:
        print(sym, ops[sym](6, 3))
    print((lambda: 5)())


main()
