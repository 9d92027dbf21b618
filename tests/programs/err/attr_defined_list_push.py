def main() -> None:
    xs: list[int] = []
    xs.push(1)  # error: attr-defined
    xs.add(2)  # error: attr-defined
    print(xs)


main()
