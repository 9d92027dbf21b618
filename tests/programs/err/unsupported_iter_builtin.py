def main() -> None:
    xs = [1, 2]
    it = iter(xs)  # error: unsupported
    print(it)


main()
