def main() -> None:
    try:
        int("oops")
    except ValueError:
        print("logging and re-raising")
        raise


main()
