# `min`/`max` over a generator expression produce an element, call `key` on it and
# compare it with the best so far before producing the next one; `sorted` first builds
# the whole list, then calls `key` on each element. The prints show the interleaving.


def produce(x: int) -> int:
    print("produce", x)
    return x


def weight(x: int) -> int:
    print("key", x)
    return (x * 7) % 5


class Box:
    def __init__(self, size: int) -> None:
        self.size: int = size

    def __lt__(self, other: "Box") -> bool:
        print("lt", self.size, other.size)
        return self.size < other.size

    def __gt__(self, other: "Box") -> bool:
        print("gt", self.size, other.size)
        return self.size > other.size


def make_box(size: int) -> Box:
    print("box", size)
    return Box(size)


def main() -> None:
    print(min(produce(x) for x in range(4)))
    print(max((produce(x) for x in range(4)), key=weight))
    print(min((produce(x) for x in range(4)), key=weight))
    print(max((produce(x) for x in range(6) if x % 2 == 1), key=lambda v: -v))
    print(min((produce(x * y) for x in range(1, 3) for y in range(2)), key=weight))
    print(max((produce(x) for x in range(0)), default=-1))
    print(min((produce(x) for x in range(2)), default=-1, key=weight))
    print(max((str(produce(x)) for x in [5, 40, 300]), key=len))
    print(sorted((produce(x) for x in range(4)), key=weight))
    print(sorted(produce(x) for x in [3, 1, 2]))
    print(min(make_box(s) for s in [3, 1, 2]).size)
    print(max(make_box(s) for s in [3, 1, 2]).size)
    print(max((make_box(s) for s in [2, 5, 4]), key=lambda b: b.size).size)
    try:
        print(min(produce(x) for x in range(0)))
    except ValueError as e:
        print("ValueError:", e)
    print(max(produce(x) for x in range(2) if x > 5))


main()
