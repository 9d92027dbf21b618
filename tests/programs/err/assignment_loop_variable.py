def main() -> None:
    for i in range(3):
        print(i)
    i = "done"  # error: assignment
    print(i)


main()
