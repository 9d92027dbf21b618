def main() -> None:
    nothing = None
    print(nothing[0])  # error: index


main()
