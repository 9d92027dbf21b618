def add_item(items: list[str], item: str) -> None:
    items.append(item)


def fresh(items: list[str]) -> list[str]:
    items = items + ["new"]
    return items


def main() -> None:
    xs = ["a"]
    add_item(xs, "b")
    print(xs)
    ys = fresh(xs)
    print(xs, ys)
    matrix = [[0, 0], [0, 0]]
    row = matrix[1]
    row[0] = 5
    print(matrix)


main()
