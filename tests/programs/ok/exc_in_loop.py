def main() -> None:
    data = ["1", "two", "3", "", "5"]
    total = 0
    errors: list[str] = []
    for item in data:
        try:
            total += int(item)
        except ValueError as e:
            errors.append(str(e))
            continue
        print("added", item)
    print(total)
    for msg in errors:
        print(msg)


main()
