def main() -> None:
    print("a,b,c,d".rsplit(",", 1))
    print("a,b,c,d".rsplit(",", 2))
    print("a b  c ".rsplit())
    print("a b c d".rsplit(maxsplit=1))
    print("path/to/file.txt".rsplit("/", 1)[-1])
    print("file.tar.gz".rsplit(".", 1))
    print("".rsplit(","), "abc".rsplit("x"))
    print("  x  y  ".rsplit(None, 1))


main()
