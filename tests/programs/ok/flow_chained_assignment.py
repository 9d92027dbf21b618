def main() -> None:
    a = b = c = 0
    a += 1
    print(a, b, c)
    xs = ys = [1]
    xs.append(2)
    print(xs, ys, xs is ys)
    p = q = "s"
    p = p + "!"
    print(p, q)
    i, j = k, m = 1, 2
    print(i, j, k, m)


main()
