def main() -> None:
    print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(0), 5), sum([0.1, 0.2, 0.3]))
    print(sum([0.5, 1, 2]), sum(range(101)), sum([True, True, False]))
    print(sum([10 ** 20, 10 ** 20]), sum([2 ** 64, -(2 ** 64)]))
    print(sum([1, 2], 0.5), sum((x * x for x in range(4)), 100))


main()
