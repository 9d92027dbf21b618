def combine(a: int, b: int, c: int = 3, d: int = 4, *, e: int = 5, f: int = 6) -> list[int]:
    return [a, b, c, d, e, f]


def main() -> None:
    print(combine(1, 2))
    print(combine(1, 2, 30))
    print(combine(1, 2, d=40))
    print(combine(1, 2, 3, 4, f=60))
    print(combine(b=20, a=10, e=50))


main()
