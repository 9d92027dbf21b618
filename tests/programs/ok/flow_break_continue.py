def main() -> None:
    for i in range(10):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        print(i)
    out: list[tuple[int, int]] = []
    for a in range(4):
        for b in range(4):
            if b > a:
                break
            if (a + b) % 2:
                continue
            out.append((a, b))
    print(out)
    n = 0
    total = 0
    while n < 20:
        n += 1
        if n % 3:
            continue
        total += n
    print(total)


main()
