def main() -> None:
    try:
        int("x")
    except ValueError as err:
        print("failed")
    print(undefined_err)  # error: name-defined


main()
