def main() -> None:
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
    print("" or "default", "set" or "default", "" and "x", "a" and "b")
    empty: list[int] = []
    print(empty or [1], [2] or [1], empty and [1])
    print(not 0, not 3, not "", not "x", not empty, not [0])
    print(None or "fallback")
    print(0.0 or 1.5, 2.5 and 0.0)
    x = 7
    y = x > 3 and x < 10
    z = x < 3 or x == 7
    print(y, z, not y or z)


main()
