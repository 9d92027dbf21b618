def append_to(item: int, target: list[int] = []) -> list[int]:
    target.append(item)
    return target


def main() -> None:
    a = append_to(1)
    b = append_to(2)
    print(a, b, a is b)
    c = append_to(3, [])
    print(c, append_to(4))


main()
