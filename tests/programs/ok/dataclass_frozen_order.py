from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str


def main() -> None:
    hand = [Card(10, "h"), Card(2, "s"), Card(10, "c"), Card(14, "d")]
    print(sorted(hand))
    print(max(hand), min(hand))
    unique = {Card(2, "s"), Card(2, "s"), Card(3, "s")}
    print(sorted(unique))
    counts: dict[Card, int] = {}
    for c in hand + [Card(2, "s")]:
        counts[c] = counts.get(c, 0) + 1
    print(counts[Card(2, "s")], len(counts))


main()
