def main() -> None:
    names: dict[int, str] = {1: "one"}
    key = "1"
    print(names[key])  # error: index


main()
