def main() -> None:
    s = "  \t hello world \n "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
    print("www.example.com".strip("cmowz."))
    print("<<a>>".strip("<>"), "abcba".strip("ab"), "aaa".strip("a") == "")
    print(repr("".strip()), repr("   ".strip()), "  x".lstrip(" "), "y  ".rstrip())
    print("123abc321".strip("0123456789"))
    print(repr("\u00a0 nbsp \u2003".strip()))


main()
