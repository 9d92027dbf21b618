print("mathpkg.stats init")


def mean(xs: list[int]) -> float:
    return sum(xs) / len(xs)


def median(xs: list[int]) -> float:
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2
