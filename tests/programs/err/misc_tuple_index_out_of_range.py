def main() -> None:
    t = (1, 2)
    print(t[5])  # error: misc


main()
