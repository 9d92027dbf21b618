def main() -> None:
    text = "abracadabra"
    counts: dict[str, int] = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    print(counts)
    most = max(counts, key=lambda c: counts[c])
    print(most, counts[most])
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(ordered)
    numbers = [1, 2, 2, 3, 3, 3]
    freq: dict[int, int] = {}
    for n in numbers:
        if n in freq:
            freq[n] += 1
        else:
            freq[n] = 1
    print(freq)


main()
