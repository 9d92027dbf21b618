def main() -> None:
    with open("data.txt") as f:  # error: unsupported
        print(f.read())


main()
