def main() -> None:
    xs = [3, 1, 2]
    print(sorted(xs, descending=True))  # error: call-arg


main()
