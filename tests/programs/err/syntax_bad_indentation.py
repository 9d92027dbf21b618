def main() -> None:
    x = 1
      y = 2  # error: syntax
    print(x)


main()
