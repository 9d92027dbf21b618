def main() -> None:
    t = (1, 2)
    t.append(3)  # error: attr-defined
    print(t)


main()
