def f(d: dict[str, int], xs: list[int]) -> int:
    a = d[ "k" ] + 1
    return a


def g(xs: list[int]) -> int:
    return xs[5]


def h(a: int, b: int) -> int:
    return (a) // b


def k(a: int, b: int) -> int:
    return a  **  -b // b


try:
    f({}, [])
except KeyError:
    pass
try:
    g([1])
except IndexError:
    pass
try:
    print(h(1, 0))
except ZeroDivisionError:
    pass
x = k(2, 0)
