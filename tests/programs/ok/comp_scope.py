def main() -> None:
    x = 10
    doubled = [x * 2 for x in range(3)]
    print(doubled, x)
    factor = 3
    scaled = [v * factor for v in [1, 2]]
    print(scaled)
    offsets = {k: k + x for k in range(2)}
    print(offsets)
    nested = [[i + j for j in range(i)] for i in range(4)]
    print(nested)


main()
