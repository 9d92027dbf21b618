def main() -> None:
    s = "one two one two one"
    print(s.replace("one", "1"))
    print(s.replace("one", "1", 2))
    print(s.replace("one", "1", 0))
    print(s.replace("three", "3"))
    print("aaaa".replace("aa", "b"))
    print("abc".replace("", "-"))
    print("abc".replace("", "-", 2))
    print("hello".replace("l", ""))
    print("a.b.c".replace(".", "..", -1))


main()
