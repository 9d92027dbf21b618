def sign(n: int) -> str:
    return "neg" if n < 0 else "zero" if n == 0 else "pos"


def main() -> None:
    print([sign(n) for n in [-2, 0, 2]])
    x = 7
    parity = "even" if x % 2 == 0 else "odd"
    print(parity)
    big = x if x > 10 else 10
    print(big)
    name = ""
    print(name if name else "anonymous")
    print((1 if x else 2) + (3 if not x else 4))


main()
