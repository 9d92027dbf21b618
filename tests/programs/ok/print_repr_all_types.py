from dataclasses import dataclass
from typing import Optional


@dataclass
class Pair:
    left: int
    right: str


def main() -> None:
    i = 5
    f = 2.5
    s = "text"
    b = True
    n: Optional[int] = None
    xs = [1, 2]
    t = (1, "a")
    d = {"k": 1.0}
    st = {3}
    p = Pair(1, "r")
    for label, text in [("int", str(i)), ("float", str(f)), ("str", str(s)), ("bool", str(b)), ("none", str(n))]:
        print(label, text)
    print(repr(i), repr(f), repr(s), repr(b), repr(n))
    print(str(xs), str(t), str(d), str(st), str(p))
    print(repr(xs), repr(t), repr(d), repr(st), repr(p))
    print(i, f, s, b, n, xs, t, d, st, p)
    print(f"{i} {f} {s} {b} {n} {xs} {t} {d} {st} {p}")
    print(f"{i!r} {f!r} {s!r} {b!r} {n!r} {xs!r} {t!r} {d!r} {st!r} {p!r}")


main()
