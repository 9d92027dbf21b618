def main() -> None:
    print("{:.2f}".format(3.14159))
    print("{} and {}".format("a", 1.5))
    print("{0} {1} {0}".format("x", "y"))
    print("{:>8}|{:<6}|{:^7}|".format("r", "l", "c"))
    print("{:08.3f}|{:+d}|{:,}".format(-3.5, 5, 1234567))
    print("{{literal}} {}".format(9))
    print("{!r} {!s}".format("q", "q"))
    print("{0:x} {0:o} {0:b}".format(300))
    print("{:e}".format(0.00042))
    print("{}".format(None), "{}".format([1, 2]), "{}".format((1.5, "a")))


main()
