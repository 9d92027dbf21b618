def main() -> None:
    xs = [5, 2, 8, 1, 9, 3]
    xs.reverse()
    print(xs)
    xs.sort()
    print(xs)
    xs.sort(reverse=True)
    print(xs)
    words = ["banana", "kiwi", "apple", "fig", "cherry"]
    words.sort(key=len)
    print(words)
    words.sort(key=len, reverse=True)
    print(words)
    words.sort(key=lambda w: w[-1])
    print(words)
    nums = [-3, 2, -1, 4]
    nums.sort(key=abs)
    print(nums)
    fl = [2.5, -1.0, 0.0, 1e10]
    fl.sort()
    print(fl)


main()
