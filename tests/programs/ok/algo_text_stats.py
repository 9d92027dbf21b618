TEXT = """Call me Ishmael. Some years ago - never mind how long precisely - having
little or no money in my purse, and nothing particular to interest me on
shore, I thought I would sail about a little and see the watery part of
the world."""


def main() -> None:
    lines = TEXT.splitlines()
    words = [w.strip(".,-").lower() for w in TEXT.split()]
    words = [w for w in words if w]
    print(len(lines), len(words), len(TEXT))
    longest = max(words, key=len)
    print(longest, len(longest))
    avg = sum(len(w) for w in words) / len(words)
    print(f"{avg:.3f}")
    letters: dict[str, int] = {}
    for ch in TEXT.lower():
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
    top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(top)
    print([line[:10].rjust(12, ".") for line in lines])


main()
