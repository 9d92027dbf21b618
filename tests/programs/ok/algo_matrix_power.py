def mat_mul(a: list[list[int]], b: list[list[int]], mod: int) -> list[list[int]]:
    n = len(a)
    return [[sum(a[i][k] * b[k][j] for k in range(n)) % mod for j in range(n)] for i in range(n)]


def mat_pow(m: list[list[int]], e: int, mod: int) -> list[list[int]]:
    n = len(m)
    result = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    while e > 0:
        if e & 1:
            result = mat_mul(result, m, mod)
        m = mat_mul(m, m, mod)
        e >>= 1
    return result


def main() -> None:
    fibm = [[1, 1], [1, 0]]
    print(mat_pow(fibm, 10, 10 ** 9)[0][1])
    print(mat_pow(fibm, 10 ** 18, 1_000_000_007)[0][1])
    print(mat_pow([[2, 0], [0, 3]], 100, 2 ** 200))


main()
