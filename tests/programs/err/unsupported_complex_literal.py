def main() -> None:
    z = 2j  # error: unsupported
    print(z)


main()
