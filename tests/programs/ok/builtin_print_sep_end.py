def main() -> None:
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("x", end="")
    print("y", end="|")
    print("z")
    print(1, 2, 3, sep="-", end="!\n")
    print()
    print("", end="")
    print("after empty")
    print("multi\nline", "arg", sep="\n")
    print(1, 2.5, None, True, "s", [1], sep=" | ")
    print(sep="-")
    print("end", end="\n\n")
    print("tab", "sep", sep="\t")


main()
