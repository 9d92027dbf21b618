def find(xs: list[int], target: int) -> None:
    i = 0
    while i < len(xs):
        if xs[i] == target:
            print("found", target, "at", i)
            break
        i += 1
    else:
        print("no", target)


def main() -> None:
    find([4, 5, 6], 5)
    find([4, 5, 6], 9)
    n = 0
    while n < 3:
        n += 1
    else:
        print("loop done", n)
    count = 10
    while True:
        count -= 3
        if count < 0:
            break
    print(count)
    m = 0
    while m < 0:
        m += 1
    else:
        print("zero iterations else")


main()
