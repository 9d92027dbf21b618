# Dict and set keys with a user `__eq__` and `__hash__`: on a hash match CPython calls
# the stored key's `__eq__` with the looked-up key (after an identity check that skips
# the call), so the printed trace shows every call, in order, at every lookup site.
from dataclasses import dataclass


class Tag:
    def __init__(self, group: int, name: str) -> None:
        self.group: int = group
        self.name: str = name

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tag):
            return False
        print("  eq", self.name, other.name)
        return self.group == other.group

    def __hash__(self) -> int:
        print("  hash", self.name)
        return self.group % 2

    def __repr__(self) -> str:
        return "Tag(" + self.name + ")"


@dataclass(frozen=True)
class Code:
    value: int
    label: str

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Code):
            return False
        print("  code eq", self.label, other.label)
        return self.value == other.value

    def __hash__(self) -> int:
        return 7


def show_set(s: set[Tag]) -> None:
    print(sorted([t.name for t in s]))


def dict_sites() -> None:
    a = Tag(1, "a")
    b = Tag(3, "b")
    c = Tag(1, "c")
    d = Tag(2, "d")
    print("literal")
    table: dict[Tag, int] = {a: 1, b: 2, c: 3}
    print(len(table), table[a], table[b])
    print("getitem equal key")
    print(table[c])
    print("getitem same object")
    print(table[b])
    print("contains")
    print(d in table, c in table, Tag(5, "e") not in table)
    print("setitem existing")
    table[Tag(3, "f")] = 20
    print(list(table.items()))
    print("setitem new")
    table[d] = 4
    print(len(table))
    print("get")
    print(table.get(Tag(3, "g"), -1), table.get(Tag(7, "h"), -1))
    print("setdefault")
    print(table.setdefault(Tag(1, "i"), 99), table.setdefault(Tag(4, "j"), 98))
    print("pop")
    print(table.pop(Tag(3, "k")), table.pop(Tag(9, "l"), -5))
    print("del")
    del table[Tag(2, "m")]
    print(list(table.keys()))
    print("keyerror")
    try:
        print(table[Tag(5, "n")])
    except KeyError as e:
        print("KeyError", e)
    print("comprehension")
    tags = [Tag(0, "p"), Tag(2, "q"), Tag(1, "r"), Tag(0, "s")]
    by_tag = {t: t.name for t in tags}
    print(list(by_tag.items()))
    print("dict()")
    built = dict([(Tag(1, "t"), 1), (Tag(1, "u"), 2)])
    print(list(built.items()))
    print("dict ==")
    left: dict[Tag, int] = {Tag(0, "v"): 1}
    right: dict[Tag, int] = {Tag(0, "w"): 1}
    print(left == right)


def set_sites() -> None:
    a = Tag(1, "a")
    b = Tag(3, "b")
    print("literal")
    s = {a, b, Tag(1, "c")}
    show_set(s)
    print("in")
    print(Tag(3, "d") in s, a in s, Tag(5, "e") in s)
    print("add")
    s.add(Tag(3, "f"))
    s.add(Tag(4, "g"))
    show_set(s)
    print("discard")
    s.discard(Tag(4, "h"))
    s.discard(Tag(6, "i"))
    show_set(s)
    print("remove")
    s.remove(Tag(1, "j"))
    show_set(s)
    try:
        s.remove(Tag(8, "k"))
    except KeyError as e:
        print("KeyError", e)
    print("comprehension")
    comp = {Tag(n, str(n)) for n in [2, 4, 3, 6]}
    show_set(comp)
    print("set()")
    show_set(set([Tag(0, "l"), Tag(2, "m"), Tag(1, "n")]))
    print("operators")
    x = {Tag(0, "x0"), Tag(1, "x1")}
    y = {Tag(0, "y0")}
    show_set(x | y)
    show_set(x & y)
    show_set(x - y)
    show_set(x ^ y)
    print(x == {Tag(0, "z0"), Tag(1, "z1")})


def tuple_and_dataclass_keys() -> None:
    one = Code(1, "one")
    uno = Code(1, "uno")
    two = Code(2, "two")
    print("frozen dataclass keys")
    names = {one: "one", two: "two"}
    print(names[uno], uno in names, Code(3, "three") in names)
    print("tuple keys")
    pairs = {(one, 1): "a"}
    print(pairs.get((uno, 1), "missing"), pairs.get((uno, 2), "missing"), (one, 1) in pairs)


dict_sites()
set_sites()
tuple_and_dataclass_keys()
