def main() -> None:
    try:
        print("x")
    except BaseException:  # error: unsupported
        print("y")


main()
