def main() -> None:
    primes = {2, 3, 5, 7, 11, 13}
    total = 0
    count = 0
    for p in primes:
        total += p
        count += 1
    print(total, count)
    words = {"pear", "fig", "apple"}
    lengths = sorted(len(w) for w in words)
    print(lengths, max(words), min(words), sorted(words))
    print(sum(x * x for x in primes), all(p > 1 for p in primes), any(p > 12 for p in primes))
    doubled = {p * 2 for p in primes}
    print(sorted(doubled))
    as_list = list(primes)
    as_list.sort()
    print(as_list)


main()
