def main() -> None:
    print("a,b".split(",", 1, 2))  # error: call-arg


main()
