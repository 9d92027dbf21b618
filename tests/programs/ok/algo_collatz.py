def collatz_len(n: int, cache: dict[int, int]) -> int:
    if n == 1:
        return 1
    if n in cache:
        return cache[n]
    nxt = n // 2 if n % 2 == 0 else 3 * n + 1
    r = 1 + collatz_len(nxt, cache)
    cache[n] = r
    return r


def main() -> None:
    cache: dict[int, int] = {}
    best = max(range(1, 30000), key=lambda n: collatz_len(n, cache))
    print(best, collatz_len(best, cache))
    print([collatz_len(n, cache) for n in range(1, 15)])


main()
