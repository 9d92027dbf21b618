def main() -> None:
    s = "banana"
    print(s.index("a"), s.index("a", 2), s.index("na", 3))
    try:
        print(s.index("x"))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(s.index("b", 1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(s[10])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(s[-7])
    except IndexError as e:
        print("IndexError:", e)
    print(s[-6], s[5])


main()
