import time


def main() -> None:
    start = time.perf_counter()
    total = 0
    for i in range(10000):
        total += i
    elapsed = time.perf_counter() - start
    print(total, elapsed >= 0.0, elapsed < 60.0)
    now = time.time()
    print(now > 1_600_000_000)


main()
