def unique_in_order(xs: list[int]) -> list[int]:
    seen: set[int] = set()
    out: list[int] = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main() -> None:
    data = [3, 1, 3, 2, 1, 5, 2, 3]
    print(unique_in_order(data))
    print(sorted(set(data)), len(set(data)))
    words = ["b", "a", "b", "c", "a"]
    print(sorted(set(words)), sorted(set(words), reverse=True))


main()
