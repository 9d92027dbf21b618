def main() -> None:
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a))
    print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
    print(sorted(a.union([9, 10])), sorted(a.intersection(range(3))), sorted(a.difference({1})))
    print({1, 2}.issubset(a), b.issubset(a), a.issubset(a))
    print(a == {4, 3, 2, 1}, a != b, {1} < a, a <= a, {9} > {8})
    c = a | b
    c = c - {1}
    print(sorted(c))
    print(sorted(a & b & {4}), sorted((a - b) | (b - a)))


main()
