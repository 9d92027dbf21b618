def main() -> None:
    xs = [1, 2, 3]
    print(xs[-1], xs[-3], xs[2])
    try:
        print(xs[3])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(xs[-4])
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[5] = 1
    except IndexError as e:
        print("IndexError:", e)
    t = (1, 2)
    try:
        i = 2
        print(t[i])
    except IndexError as e:
        print("IndexError:", e)
    try:
        del xs[9]
    except IndexError as e:
        print("IndexError:", e)
    print(xs[10:20], t[5:])


main()
