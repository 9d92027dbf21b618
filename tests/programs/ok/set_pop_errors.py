def main() -> None:
    s = {42}
    print(s.pop(), s, len(s))
    try:
        s.pop()
    except KeyError as e:
        print("KeyError:", e)
    t = {"a"}
    try:
        t.remove("b")
    except KeyError as e:
        print("KeyError:", e)
    n = {1, 2, 3}
    total = 0
    while n:
        total += n.pop()
    print(total, n)


main()
