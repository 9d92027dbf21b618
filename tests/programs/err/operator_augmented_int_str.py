def main() -> None:
    total = 0
    for word in ["a", "b"]:
        total += word  # error: operator
    print(total)


main()
