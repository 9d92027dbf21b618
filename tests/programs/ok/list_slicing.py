def main() -> None:
    xs = list(range(10))
    print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7])
    print(xs[::2], xs[1::3], xs[::-1], xs[::-3])
    print(xs[8:2:-2], xs[-1:-4:-1], xs[2:8:-1], xs[100:], xs[-100:1])
    print(xs[5:5], xs[3:-3], xs[-2:][0])
    ys = xs[1:4]
    ys[0] = 100
    print(xs[1], ys)
    words = ["a", "b", "c", "d"]
    print(words[::-1][1:], words[1:3][::-1])


main()
