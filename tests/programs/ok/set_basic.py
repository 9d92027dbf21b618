def main() -> None:
    s = {3, 1, 2}
    s.add(5)
    s.add(1)
    print(sorted(s), len(s), 3 in s, 4 in s, 4 not in s)
    s.remove(3)
    s.discard(100)
    s.discard(2)
    print(sorted(s))
    words: set[str] = set()
    for w in "the cat saw the dog and the cat".split():
        words.add(w)
    print(sorted(words), len(words))
    print(len(set([1, 1, 1])))


main()
