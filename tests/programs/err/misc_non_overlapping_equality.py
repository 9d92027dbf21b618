def main() -> None:
    n = 5
    if n == "5":  # error: misc
        print("equal")


main()
