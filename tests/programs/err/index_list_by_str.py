def main() -> None:
    xs = [1, 2, 3]
    print(xs["1"])  # error: index


main()
