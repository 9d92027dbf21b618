def main() -> None:
    nested = [[1], [2, 3], [4]]
    start: list[int] = []
    print(sum(nested, start))
    print(sum([[0.5], [1.5]], [2.5]))


main()
