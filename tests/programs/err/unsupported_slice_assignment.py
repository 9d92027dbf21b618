def main() -> None:
    xs = [1, 2, 3, 4]
    xs[1:3] = [9]  # error: unsupported
    print(xs)


main()
