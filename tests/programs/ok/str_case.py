def main() -> None:
    s = "Hello World from Typhon"
    print(s.upper(), s.lower(), s.title())
    print("hello wORLD".title(), "they're bill's friends".title(), "x1y2 z_w".title())
    print("straße".upper(), "ǅ".lower(), "ß".upper(), len("ß".upper()))
    print("ÀÉÎõü".lower(), "àéîõü".upper(), "ΣΑΣ".lower())
    print("123abc".upper(), "".upper(), "MiXeD".lower())
    print("ﬁne".upper(), "İ".lower(), len("İ".lower()))


main()
