def main() -> None:
    nothing = None
    print(nothing + 1)  # error: operator


main()
