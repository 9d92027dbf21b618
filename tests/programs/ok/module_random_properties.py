import random


def main() -> None:
    random.seed(12345)
    xs = list(range(20))
    random.shuffle(xs)
    print(len(xs), sorted(xs) == list(range(20)), sum(xs))
    rolls = [random.randint(1, 6) for _ in range(1000)]
    print(min(rolls) >= 1, max(rolls) <= 6, len(rolls))
    fs = [random.random() for _ in range(1000)]
    print(all(0.0 <= f < 1.0 for f in fs))
    colors = ["red", "green", "blue"]
    picks = [random.choice(colors) for _ in range(50)]
    print(all(p in colors for p in picks), len(picks))
    random.seed()
    print(1 <= random.randint(1, 2) <= 2)


main()
