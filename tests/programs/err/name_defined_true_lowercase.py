def main() -> None:
    flag = true  # error: name-defined
    other = none  # error: name-defined
    print(flag, other)


main()
