def solve(n: int) -> tuple[int, list[int]]:
    cols: set[int] = set()
    diag1: set[int] = set()
    diag2: set[int] = set()
    placement: list[int] = []
    first: list[int] = []
    count = 0

    def place(row: int) -> None:
        nonlocal count, first
        if row == n:
            count += 1
            if not first:
                first = placement[:]
            return
        for c in range(n):
            if c in cols or row - c in diag1 or row + c in diag2:
                continue
            cols.add(c)
            diag1.add(row - c)
            diag2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.remove(c)
            diag1.remove(row - c)
            diag2.remove(row + c)

    place(0)
    return count, first


def main() -> None:
    for n in range(1, 9):
        print(n, solve(n))


main()
