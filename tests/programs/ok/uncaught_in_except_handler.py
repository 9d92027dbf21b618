def main() -> None:
    try:
        print([1][3])
    except IndexError:
        print("handling index error")
        raise ValueError("handler failed")


main()
