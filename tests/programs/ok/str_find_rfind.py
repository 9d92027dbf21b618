def main() -> None:
    s = "hello world, hello there"
    print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find(""))
    print(s.rfind("hello"), s.rfind("o"), s.rfind("xyz"), s.rfind(""))
    print(s.find("o", 5, 10), s.find("o", 8, 9), s.find("o", -5))
    print(s.rfind("l", 0, 5), s.rfind("hello", 0, 10))
    print(s.index("world"), s.index("there"))
    print("abc".find("c", 10), "".find(""), "".find("a"))


main()
