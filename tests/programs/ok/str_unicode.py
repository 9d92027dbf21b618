def main() -> None:
    s = "héllo wörld"
    print(len(s), s[1], s[7], s[::-1], s.upper())
    j = "日本語のテキスト"
    print(len(j), j[0], j[-1], j[2:4], j[::2])
    e = "I ❤ 🐍 and 😀!"
    print(len(e), e[4], e[6], e[-2], e.find("😀"), e.split())
    print(ord("é"), ord("😀"), chr(233), chr(128512), chr(0x1F40D))
    print("ß".upper(), "ǆ".upper(), "ＡＢＣ".lower())
    combined = "e\u0301"
    print(len(combined), combined, repr(combined))
    print(sorted(["b", "á", "a", "z", "ä"]))
    print("\U0001F600" == "😀", "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}")


main()
