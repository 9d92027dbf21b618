from typing import Callable


class Counter:
    def __init__(self) -> None:
        self.n: int = 0

    def incr(self) -> int:
        self.n += 1
        return self.n

    def add(self, k: int) -> int:
        self.n += k
        return self.n


def call_n(f: Callable[[], int], n: int) -> int:
    r = 0
    for _ in range(n):
        r = f()
    return r


def main() -> None:
    c = Counter()
    inc = c.incr
    print(inc(), inc(), c.n)
    print(call_n(c.incr, 5))
    adder: Callable[[int], int] = c.add
    print(adder(100), c.n)
    xs = [3, 1, 2]
    push = xs.append
    push(0)
    print(xs)
    text = "a-b-c"
    splitter = text.split
    print(splitter("-"))


main()
