def main() -> None:
    o = object()  # error: unsupported
    print(o is None)


main()
