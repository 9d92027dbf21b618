def main() -> None:
    ok = "7" * 4300
    print(len(str(int(ok))))
    try:
        int("7" * 4301)
    except ValueError as e:
        print("ValueError:", e)
    big = 10 ** 4300
    try:
        s = str(big)
        print(len(s))
    except ValueError as e:
        print("ValueError:", e)
    print(len(str(10 ** 4299)))
    try:
        print(repr(-(10 ** 5000)))
    except ValueError as e:
        print("ValueError:", e)


main()
