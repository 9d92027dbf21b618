def main() -> None:
    print(len("a", "b"))  # error: call-arg


main()
