def main() -> None:
    s = "x"
    print(-s)  # error: operator


main()
