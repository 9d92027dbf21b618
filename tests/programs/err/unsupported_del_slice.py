def main() -> None:
    xs = [1, 2, 3, 4]
    del xs[1:3]  # error: unsupported
    print(xs)


main()
