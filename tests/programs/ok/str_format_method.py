def main() -> None:
    print("{}-{}-{}".format(1, "two", 3.0))
    print("{2}{1}{0}".format("a", "b", "c"))
    print("{0:>5}|{1:<5}|{2:^5}".format("a", "b", "c"))
    print("{:*>10}".format("pad"))
    print("{:.3}".format("truncate"))
    print("{:5d}|{:<5d}|{:x}".format(42, 42, 255))
    print("{{}} {{{}}}".format("in braces"))
    print("{0!r:>8}".format("r"))
    template = "Hello, {}! You have {} new messages."
    print(template.format("Ann", 3))


main()
