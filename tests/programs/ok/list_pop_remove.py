def main() -> None:
    xs = [10, 20, 30, 40, 50, 20]
    print(xs.pop(), xs)
    print(xs.pop(0), xs)
    print(xs.pop(-2), xs)
    xs.remove(20)
    print(xs)
    try:
        xs.remove(99)
    except ValueError as e:
        print("ValueError:", e)
    empty: list[str] = []
    try:
        empty.pop()
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs.pop(10)
    except IndexError as e:
        print("IndexError:", e)


main()
