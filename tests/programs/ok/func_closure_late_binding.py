from typing import Callable


def bind(v: int) -> Callable[[], int]:
    return lambda: v


def main() -> None:
    fs: list[Callable[[], int]] = []
    for i in range(3):
        fs.append(lambda: i)
    print([f() for f in fs])
    gs: list[Callable[[], int]] = []
    for j in range(3):
        gs.append(bind(j))
    print([g() for g in gs])
    hs: list[Callable[[], int]] = [lambda: k * 10 for k in range(3)]
    print([h() for h in hs])
    x = 1

    def read() -> int:
        return x
    x = 2
    print(read())


main()
