def main() -> None:
    d = {"k": "v"}
    s: str = d.get("k")  # error: assignment
    print(s)


main()
