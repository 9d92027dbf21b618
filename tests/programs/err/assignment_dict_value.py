def main() -> None:
    ages: dict[str, int] = {}
    ages["ann"] = "thirty"  # error: assignment
    print(ages)


main()
