def main() -> None:
    xs = [1, 2, 3]
    d = {"a": 1}
    try:
        print(1 // (len(xs) - 3))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(1 / (len(xs) - 3))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(xs[len(xs)])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(d["b"])
    except KeyError as e:
        print("KeyError:", e)
    try:
        print(int("x"))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(int("4.5"))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print("abc".index("z"))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(xs.index(9))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print("abc"[5])
    except IndexError as e:
        print("IndexError:", e)


main()
