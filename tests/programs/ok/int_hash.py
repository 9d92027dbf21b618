def main() -> None:
    print(hash(0), hash(1), hash(-1), hash(-2), hash(12345))
    print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30))
    print(hash(True), hash(False), hash(1.0), hash(1.5), hash(-0.5))
    print(hash(1) == hash(1.0) == hash(True))
    print(hash((1, 2)), hash(()), hash((1, (2, 3))))
    print(hash(float("inf")), hash(-float("inf")))


main()
