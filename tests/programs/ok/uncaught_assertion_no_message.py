def main() -> None:
    x = 3
    print("checking")
    assert x > 5


main()
