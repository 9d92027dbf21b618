def main() -> None:
    n = 5
    print("n = %d" % n)  # error: unsupported


main()
