import sys


def main() -> None:
    big = 10 ** 5000
    try:
        print(len(str(big)))
    except ValueError as e:
        print("first:", e)
    sys.set_int_max_str_digits(6000)
    print(len(str(big)))
    print(int("9" * 5500) % 1000)
    sys.set_int_max_str_digits(0)
    print(len(str(10 ** 20000)))
    sys.set_int_max_str_digits(640)
    try:
        print(int("1" * 641))
    except ValueError as e:
        print("second:", e)
    print(len(str(int("1" * 640))))


main()
