class Box:
    def __init__(self) -> None:
        self.items: list[int] = [1, 2]
        self.tags: set[str] = {"a"}


def add_all(acc: set[int], more: set[int]) -> None:
    acc |= more


def main() -> None:
    s = {1}
    add_all(s, {2, 3})
    print(sorted(s))
    t = s
    t -= {2}
    print(sorted(s), t is s)
    t &= {1, 3, 9}
    print(sorted(s), t is s)
    t ^= {3, 4}
    print(sorted(s), t is s)
    t |= t
    print(sorted(s))
    t -= t
    print(sorted(s), t is s)
    xs = [1]
    alias = xs
    xs *= 2
    print(alias, xs is alias)
    xs *= 0
    print(alias, xs is alias)
    ys = [1, 2]
    ys *= -1
    print(ys)
    b = Box()
    items = b.items
    b.items *= 3
    b.items += [7]
    b.tags |= {"b"}
    tags = b.tags
    b.tags -= {"a"}
    print(items, b.items is items, sorted(tags), tags is b.tags)
    d: dict[str, list[int]] = {"k": [1]}
    d["k"] *= 2
    d["k"] += [5]
    print(d)
    grid = [[0], [1]]
    row = grid[0]
    grid[0] *= 2
    print(grid, row is grid[0])


main()
