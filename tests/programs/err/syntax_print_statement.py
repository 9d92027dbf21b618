def main() -> None:
    print "hello"  # error: syntax


main()
