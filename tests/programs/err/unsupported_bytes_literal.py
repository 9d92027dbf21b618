def main() -> None:
    data = b"raw"  # error: unsupported
    print(len(data))


main()
