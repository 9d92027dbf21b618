def main() -> None:
    xs = ["a", "b", "c"]
    for i, x in enumerate(xs):
        print(i, x)
    for i, x in enumerate(xs, start=10):
        print(i, x)
    for i, x in enumerate(xs, 1):
        print(i, x, end="; ")
    print()
    for a, b in zip(xs, [1, 2, 3, 4]):
        print(a, b)
    for ch, fl, flag in zip("xy", [1.5, 2.5], [True, False]):
        print(ch, fl, flag)
    for x in reversed(xs):
        print(x, end="")
    print()
    for n in reversed(range(3)):
        print(n, end=" ")
    print()


main()
