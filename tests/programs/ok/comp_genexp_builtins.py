def main() -> None:
    nums = [3, 8, -2, 7, 0]
    print(sum(n * n for n in nums))
    print(min(n for n in nums if n > 0), max(abs(n) for n in nums))
    print(any(n < 0 for n in nums), all(n < 10 for n in nums), any(n > 100 for n in nums))
    none: list[int] = []
    print(all(x > 0 for x in none), any(x > 0 for x in none))
    print(sorted(n % 5 for n in nums))
    print(sorted((n for n in nums), reverse=True))
    print(list(str(n) for n in nums))
    print("-".join(str(n) for n in nums if n))
    print(sum(1 for c in "hello world" if c in "lo"))
    print(sum(x / 2 for x in range(5)))
    print(max((len(w), w) for w in ["a", "ccc", "bb"]))
    print(min((w for w in ["pear", "fig"]), key=len))


main()
