class Plain:
    def __init__(self, v: int) -> None:
        self.v: int = v


def main() -> None:
    a = Plain(1)
    b = Plain(1)
    print(a == a, a == b, a != b, a is a)
    xs = [a, b]
    print(xs.count(a), xs.index(b), b in xs, Plain(1) in xs)
    d = {a: "a", b: "b"}
    print(d[a], d[b], len(d))
    print(len({a, b, a}))


main()
