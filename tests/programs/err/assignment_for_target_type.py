def main() -> None:
    name = "x"
    for name in [1, 2, 3]:  # error: assignment
        print(name)


main()
