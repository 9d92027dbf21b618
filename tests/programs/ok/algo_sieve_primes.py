def sieve(n: int) -> list[int]:
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [k for k in range(n + 1) if is_prime[k]]


def main() -> None:
    ps = sieve(200)
    print(ps)
    print(len(sieve(100000)), sum(sieve(1000)))


main()
