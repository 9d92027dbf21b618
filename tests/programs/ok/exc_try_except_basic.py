def parse(s: str) -> int:
    try:
        return int(s)
    except ValueError:
        return -1


def main() -> None:
    print(parse("12"), parse("x"), parse(""))
    try:
        print("before")
        raise RuntimeError("boom")
        print("not printed")
    except RuntimeError as e:
        print("caught:", e)
    print("after")


main()
