class Both:
    def __init__(self, v: int) -> None:
        self.v: int = v

    def __repr__(self) -> str:
        return f"Both({self.v!r})"

    def __str__(self) -> str:
        return f"<both {self.v}>"


class ReprOnly:
    def __init__(self, s: str) -> None:
        self.s: str = s

    def __repr__(self) -> str:
        return f"ReprOnly({self.s!r})"


def main() -> None:
    b = Both(3)
    r = ReprOnly("x")
    print(b, r)
    print(str(b), repr(b), str(r), repr(r))
    print([b], [r], (b, r), {"k": b})
    print(f"{b} {b!r} {r} {r!s}")
    print("{} {!r}".format(b, b))


main()
