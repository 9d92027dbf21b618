def main() -> None:
    print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("~"))
    print(chr(65), chr(97), chr(48), repr(chr(10)), repr(chr(0)), chr(126))
    print("".join(chr(ord("a") + i) for i in range(26)))
    print([ord(c) for c in "Typhon"])
    try:
        print(chr(-1))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(chr(0x110000))
    except ValueError as e:
        print("ValueError:", e)
    print(chr(0x10FFFF) == "\U0010FFFF", ord(chr(0x10FFFF)))


main()
