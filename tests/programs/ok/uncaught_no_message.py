def main() -> None:
    print("about to fail")
    raise RuntimeError


main()
