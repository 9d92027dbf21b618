def transpose(m: list[list[int]]) -> list[list[int]]:
    return [[row[i] for row in m] for i in range(len(m[0]))]


def matmul(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def main() -> None:
    m = [[1, 2, 3], [4, 5, 6]]
    print(transpose(m))
    print(matmul(m, transpose(m)))
    ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
    print(matmul(m, ident) == m)


main()
