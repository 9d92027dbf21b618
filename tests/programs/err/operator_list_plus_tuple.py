def main() -> None:
    xs = [1, 2]
    t = (3,)
    print(xs + t)  # error: operator


main()
