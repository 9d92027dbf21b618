def main() -> None:
    thing: object = 5  # error: unsupported
    print(thing)


main()
