def main() -> None:
    nums = list(range(-5, 6))
    print([n for n in nums if n > 0])
    print([n for n in nums if n % 2 == 0 if n != 0])
    print([n * n if n < 0 else -n for n in nums])
    print([w for w in "a bb ccc dddd".split() if len(w) % 2 == 0])
    print([i for i, c in enumerate("hello") if c == "l"])
    print(["odd" if i % 2 else "even" for i in range(4)])


main()
