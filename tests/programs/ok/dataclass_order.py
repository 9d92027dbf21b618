from dataclasses import dataclass


@dataclass(order=True)
class Version:
    major: int
    minor: int
    patch: int = 0


def main() -> None:
    a = Version(1, 2, 3)
    b = Version(1, 10)
    c = Version(1, 2, 3)
    print(a < b, a <= c, a > b, b >= a, a == c, a != b)
    vs = [Version(2, 0), Version(1, 0, 5), Version(1, 0), Version(0, 9, 9)]
    print(sorted(vs))
    print(max(vs), min(vs))
    vs.sort(reverse=True)
    print(vs[0])


main()
