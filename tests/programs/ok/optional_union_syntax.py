def parse(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return None


def main() -> None:
    results = [parse(t) for t in ["12", "x", "007", ""]]
    print(results)
    total = 0
    for r in results:
        if r is not None:
            total += r
    print(total)
    best: int | None = None
    for r in results:
        if r is not None and (best is None or r > best):
            best = r
    print(best)


main()
