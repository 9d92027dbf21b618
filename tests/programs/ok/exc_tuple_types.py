def risky(kind: int) -> int:
    xs = [1, 2]
    d = {"a": 1}
    if kind == 0:
        return xs[5]
    if kind == 1:
        return d["zz"]
    if kind == 2:
        return 1 // (kind - 2)
    if kind == 3:
        return int("bad")
    return kind


def main() -> None:
    for k in range(5):
        try:
            print("result", risky(k))
        except (IndexError, KeyError) as e:
            print(k, "lookup error:", e)
        except (ZeroDivisionError, ValueError) as e:
            print(k, "arith/value error:", e)


main()
