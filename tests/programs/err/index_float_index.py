def main() -> None:
    xs = [1, 2, 3]
    i = len(xs) / 2
    print(xs[i])  # error: index


main()
