def main() -> None:
    s = "mississippi"
    print(s.count("s"), s.count("ss"), s.count("issi"), s.count("x"), s.count(""))
    print(s.count("i", 2), s.count("i", 2, 6), s.count("s", -4))
    print("aaaa".count("aa"), "".count(""), "abc".count("", 1))
    text = "the cat and the hat and the bat"
    print(text.count("the"), text.count(" and "), text.split().count("the"))


main()
