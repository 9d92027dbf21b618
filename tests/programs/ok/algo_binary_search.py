def bsearch(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -(lo + 1)


def main() -> None:
    xs = [x * 3 for x in range(20)]
    for t in [0, 9, 57, 58, -1, 100]:
        print(t, bsearch(xs, t))


main()
