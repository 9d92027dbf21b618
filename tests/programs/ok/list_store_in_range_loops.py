def fill_stride(n: int, start: int, step: int) -> list[bool]:
    flags = [True] * n
    for j in range(start, n, step):
        flags[j] = False
    return flags


def fill_backwards(n: int) -> list[int]:
    xs = [0] * n
    for j in range(n - 1, -1, -2):
        xs[j] = 7
    return xs


def fill_negative_indices(n: int) -> list[float]:
    ys = [0.0] * n
    for j in range(-n, 0, 3):
        ys[j] = 1.5
    return ys


def fill_past_the_end(n: int) -> int:
    zs = [0] * n
    last = -1
    try:
        for j in range(0, n + 5, 2):
            zs[j] = 1
            last = j
    except IndexError as e:
        print("IndexError:", e, "after", last)
    return sum(zs)


def fill_loop_variable(n: int) -> list[int]:
    ws = [0] * n
    for j in range(n):
        ws[j] = j
    return ws


def fill_none(n: int) -> list[int | None]:
    vs: list[int | None] = [1] * n
    for j in range(1, n, 2):
        vs[j] = None
    return vs


print(fill_stride(20, 4, 3))
print(sum(1 for f in fill_stride(100_000, 9, 7) if f))
print(fill_backwards(9))
print(fill_negative_indices(10))
print(fill_past_the_end(10))
print(fill_loop_variable(6))
print(fill_none(7))
empty = fill_stride(5, 7, 1)
print(empty, len(range(10, 0)))
k = 0
for k in range(3, 30, 9):
    pass
print("loop variable after the loop:", k)
