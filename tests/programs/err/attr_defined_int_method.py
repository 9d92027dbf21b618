def main() -> None:
    n = 5
    print(n.bit_lenght())  # error: attr-defined
    print(n.real_part)  # error: attr-defined


main()
