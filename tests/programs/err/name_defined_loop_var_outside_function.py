def show() -> None:
    print(item)  # error: name-defined


def main() -> None:
    for item in ["a", "b"]:
        show()


main()
