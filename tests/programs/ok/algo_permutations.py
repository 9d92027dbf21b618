def permutations(xs: list[int]) -> list[list[int]]:
    if len(xs) <= 1:
        return [xs[:]]
    out: list[list[int]] = []
    for i in range(len(xs)):
        rest = xs[:i] + xs[i + 1:]
        for p in permutations(rest):
            out.append([xs[i]] + p)
    return out


def power_set(xs: list[str]) -> list[list[str]]:
    result: list[list[str]] = [[]]
    for x in xs:
        result = result + [s + [x] for s in result]
    return result


def main() -> None:
    ps = permutations([1, 2, 3])
    print(len(ps), ps)
    print(len(permutations([1, 2, 3, 4, 5, 6])))
    print(power_set(["a", "b", "c"]))


main()
