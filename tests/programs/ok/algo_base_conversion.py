DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out: list[str] = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))


def main() -> None:
    for n in [0, 5, 255, -255, 2 ** 64, 123456789]:
        row = [to_base(n, b) for b in (2, 8, 16, 36)]
        print(n, row, all(int(s, b) == n for s, b in zip(row, (2, 8, 16, 36))))


main()
