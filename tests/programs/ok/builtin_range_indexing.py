def main() -> None:
    r = range(0, 20, 5)
    print(range(10)[3], r[-1], r[1], len(r), r[0] + r[-1])
    try:
        print(range(3)[3])
    except IndexError as e:
        print("IndexError:", e)


main()
