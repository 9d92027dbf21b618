def main() -> None:
    text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
    counts: dict[str, int] = {}
    for raw in text.split():
        word = raw.strip(",.").lower()
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for word, n in ranked[:6]:
        print(f"{word:<8}{n:>3}")
    print(len(counts), sum(counts.values()))


main()
