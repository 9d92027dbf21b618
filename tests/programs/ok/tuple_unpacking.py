def main() -> None:
    a, b = 1, 2
    print(a, b)
    a, b = b, a
    print(a, b)
    x, y, z = 1.5, "two", [3]
    print(x, y, z)
    (p, q), r = (1, 2), 3
    print(p, q, r)
    first, second = [10, 20]
    print(first + second)
    pairs = [(1, "one"), (2, "two")]
    for num, name in pairs:
        print(num, name)
    for i, (n, s) in enumerate(pairs):
        print(i, n, s)
    d = {"k": (1, 2)}
    for key, (u, v) in d.items():
        print(key, u + v)
    m = n2 = 5
    print(m, n2)
    try:
        three = [1, 2, 3]
        c1, c2 = three
        print(c1, c2)
    except ValueError as e:
        print("ValueError:", e)
    try:
        two = [1, 2]
        e1, e2, e3 = two
        print(e1, e2, e3)
    except ValueError as e:
        print("ValueError:", e)


main()
