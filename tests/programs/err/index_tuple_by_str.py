def main() -> None:
    t = (1, 2, 3)
    print(t["0"])  # error: index


main()
