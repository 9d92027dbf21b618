def main() -> None:
    try:
        int("x")
    except ValueError as e:
        print(e.message)  # error: attr-defined


main()
