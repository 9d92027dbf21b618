def main() -> None:
    xs = [1, 2, 3]
    gen = (x * 2 for x in xs)  # error: unsupported
    print(gen)


main()
