def main() -> None:
    xs = [1, 2, 3]
    print(lenght(xs))  # error: name-defined
    print(summ(xs))  # error: name-defined
    print(len(xs))


main()
