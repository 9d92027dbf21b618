def main() -> None:
    names = {"a": "ann"}
    print(names.get("a").upper())  # error: union-attr


main()
