def double(n: int) -> int:
    return n * 2


def echo(n: int) -> int:
    return n


def scale(x: float) -> float:
    return x


def main() -> None:
    print(double(True), echo(True), echo(False), scale(True))
    counts: list[int] = [True, 2, False]
    print(counts)
    d: dict[int, str] = {True: "one", 0: "zero"}
    d[1] = "uno"
    print(d)
    print(echo(True) + 1, [echo(True)])


main()
