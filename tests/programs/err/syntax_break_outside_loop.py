def main() -> None:
    if True:
        break  # error: syntax


main()
