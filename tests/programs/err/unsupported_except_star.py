def main() -> None:
    try:
        print("x")
    except* ValueError:  # error: unsupported
        print("y")


main()
