def main(flag: bool) -> None:
    if flag:
        result = 1
    else:
        result = "one"  # error: assignment
    print(result)


main(True)
