def level3(n: int) -> int:
    if n > 2:
        raise ValueError(f"n too big: {n}")
    return n


def level2(n: int) -> int:
    print("level2 start", n)
    r = level3(n) * 10
    print("level2 end", n)
    return r


def level1(n: int) -> int:
    try:
        return level2(n) + 1
    finally:
        print("level1 finally", n)


def main() -> None:
    for n in [1, 5]:
        try:
            print("result", level1(n))
        except ValueError as e:
            print("main caught:", e)


main()
