VOWELS = "aeiou"


def capitalize_words(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def count_vowels(s: str) -> int:
    return sum(1 for c in s.lower() if c in VOWELS)


class Counter:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def add(self, w: str) -> None:
        self.counts[w] = self.counts.get(w, 0) + 1

    def most_common(self) -> list[tuple[str, int]]:
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
