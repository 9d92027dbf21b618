def pascal(n: int) -> list[list[int]]:
    rows: list[list[int]] = [[1]]
    for _ in range(n - 1):
        prev = rows[-1]
        rows.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
    return rows


def main() -> None:
    tri = pascal(10)
    width = len(" ".join(str(v) for v in tri[-1]))
    for row in tri:
        print(" ".join(str(v) for v in row).center(width))
    print(sum(pascal(60)[-1]) == 2 ** 59, max(pascal(100)[-1]))


main()
