def quicksort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(greater)


def lcg(seed: int, n: int) -> list[int]:
    out: list[int] = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        out.append(seed % 1000 - 500)
    return out


def main() -> None:
    data = lcg(7, 40)
    s = quicksort(data)
    print(s)
    print(s == sorted(data), quicksort([]), quicksort([1]))


main()
