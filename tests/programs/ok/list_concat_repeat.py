def main() -> None:
    a = [1, 2]
    b = [3]
    print(a + b, b + a, a * 3, 2 * b, a * 0, a * -1)
    c = a
    a = a + [9]
    print(a, c)
    c += [8]
    print(c)
    c *= 2
    print(c)
    print([[1]] * 2, [None] * 3, ["x", "y"] * 2)


main()
