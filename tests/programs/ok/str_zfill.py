def main() -> None:
    print("42".zfill(5), "-42".zfill(5), "+3".zfill(4), "abc".zfill(2), "".zfill(3))
    print("3.14".zfill(8), "-".zfill(3), "12345".zfill(5))
    for n in [7, -7, 123, -1234]:
        print(str(n).zfill(6))


main()
