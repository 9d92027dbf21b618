def last_char(s: str) -> str:
    return s[-1]


def main() -> None:
    words = ["delta", "Alpha", "charlie", "bravo", "echo"]
    print(sorted(words))
    print(sorted(words, reverse=True))
    print(sorted(words, key=len))
    print(sorted(words, key=last_char))
    print(sorted(words, key=lambda w: w.lower(), reverse=True))
    print(sorted([3, -1, 2, -5], key=abs))
    print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
    print(sorted([1.5, -2, 0]))
    d = {"x": 3, "y": 1, "z": 2}
    print(sorted(d, key=lambda k: d[k]), sorted(d.items(), key=lambda kv: kv[1], reverse=True))


main()
