def main() -> None:
    a = {"x": 1, "y": 2}
    b = {"y": 2, "x": 1}
    print(a == b, a != b, list(a) == list(b))
    c = {"x": 1.0, "y": 2.0}
    print(a == c)
    a["z"] = 3
    print(a == b)
    e: dict[str, int] = {}
    f: dict[str, int] = {}
    print(e == f, len(e) == 0)


main()
