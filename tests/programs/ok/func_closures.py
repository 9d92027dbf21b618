from typing import Callable


def make_adder(n: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + n
    return add


def make_multiplier(factor: float) -> Callable[[float], float]:
    return lambda x: x * factor


def make_greeter(prefix: str) -> Callable[[str], str]:
    suffix = "!"

    def greet(name: str) -> str:
        return prefix + " " + name + suffix
    return greet


def main() -> None:
    add5 = make_adder(5)
    add10 = make_adder(10)
    print(add5(1), add10(1), add5(add10(0)))
    double = make_multiplier(2)
    print(double(3.5), double(4))
    hello = make_greeter("Hello")
    print(hello("world"))
    adders = [make_adder(i) for i in range(3)]
    print([f(10) for f in adders])


main()
