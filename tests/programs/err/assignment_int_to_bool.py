def main() -> None:
    done: bool = False
    done = 1  # error: assignment
    print(done)


main()
