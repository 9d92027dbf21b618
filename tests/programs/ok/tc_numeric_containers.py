def ordered(xs: list[int]) -> list[float]:
    return sorted(xs)


def copied(xs: list[int]) -> list[float]:
    return list(xs)


def unique(xs: list[int]) -> set[float]:
    return set(xs)


weights: list[float] = [0.5]
weights += [1]
weights += (3,)
ints: list[int] = [7, 8]
weights += ints
print(weights)
mixed: list[float] = [1, 2] + [2.5]
print(mixed)
small: set[int] = {1, 2}
merged: set[float] = small | {3.5}
print(sorted(merged), sorted(small ^ {2.5}), sorted(small - {1.0}), sorted(small & {2.0}))
print(ordered([3, 1, 2]), copied([4]), sorted(unique([5, 5, 6])))
total = ints + [0.25]
print(total, sum(total))
