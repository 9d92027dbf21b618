def main() -> None:
    s = "abcdefghij"
    print(s[0], s[-1], s[3], s[-3])
    print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
    print(s[5:2], s[100:], s[-100:2], s[3:3], repr(s[10:]))
    print(s[0:len(s)], s[1:-1])
    i = 4
    print(s[i], s[i:i + 2], s[-i])
    print(len(s), len(""), len(s[2:8]))


main()
