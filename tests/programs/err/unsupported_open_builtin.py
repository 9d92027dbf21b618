def main() -> None:
    f = open("x.txt")  # error: unsupported
    print(f)


main()
