def main() -> None:
    print("a b  c".split())
    print("  lead and trail  ".split())
    print("a,b,,c,".split(","))
    print("a,b,c,d".split(",", 1))
    print("a,b,c,d".split(",", 2))
    print("a b c d".split(maxsplit=2))
    print("a b c d".split(None, 1))
    print("a::b::c".split("::"))
    print("".split(), "".split(","), "   ".split())
    print("no separator".split("|"))
    print("x\ty\nz\r\nw".split())
    print("a,b,c".split(",", 0), "a,b".split(",", -1))
    print("1-2-3".split(sep="-", maxsplit=1))
    try:
        print("abc".split(""))
    except ValueError as e:
        print("ValueError:", e)


main()
