def main() -> None:
    pairs = ["ab", "cd"]
    for first, second in pairs:  # error: misc
        print(second + first)


main()
