def main() -> None:
    a = "ab"
    print(a + "cd", a * 3, 3 * a, a * 0, repr(a * -2), a * True)
    s = ""
    for i in range(5):
        s += str(i)
    print(s)
    line = "-" * 20
    print(line)
    t = "x"
    t *= 4
    print(t)
    print(("ab" + "c") * 2, "a" + "b" * 3)


main()
