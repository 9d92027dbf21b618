def main() -> None:
    total = 0.0
    for _ in range(10):
        total += 0.1
    print(total, total == 1.0)
    s = sum([0.1] * 10)
    print(s)
    acc = 1.0
    for i in range(1, 21):
        acc *= i
    print(acc)
    x = 1.0
    steps = 0
    while x > 1e-10:
        x /= 3
        steps += 1
    print(steps, x)
    mean = sum([2.5, 3.5, 4.0, 10.25]) / 4
    print(mean)


main()
