def main() -> None:
    print(str(42), str(-3.5), str(True), str(None), str([1, "a"]), str((1,)), str({"a": 1.0}))
    print(repr(42), repr(-3.5), repr(True), repr(None), repr([1, "a"]), repr("s"))
    print(int("7") + 1, float("2.5") * 2, str(1) + str(2))
    print(len(str(12345)), str(0.1 + 0.2), str(10 ** 20), str(-0.0))
    n = 255
    print(str(n).rjust(5, "0"), f"{n:05}")


main()
