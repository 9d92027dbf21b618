def main() -> None:
    d = {"a": 1}
    try:
        print(d["missing"])
    except KeyError as e:
        print("KeyError:", e)
    n: dict[int, str] = {1: "one"}
    try:
        print(n[2])
    except KeyError as e:
        print("KeyError:", e)
    t: dict[tuple[int, str], int] = {}
    try:
        print(t[(1, "x")])
    except KeyError as e:
        print("KeyError:", e)
    try:
        d.pop("nope")
    except KeyError as e:
        print("KeyError:", e)
    f: dict[float, int] = {}
    try:
        print(f[2.5])
    except KeyError as e:
        print("KeyError:", e)
    s: dict[str, int] = {}
    try:
        print(s["it's"])
    except KeyError as e:
        print("KeyError:", e)


main()
