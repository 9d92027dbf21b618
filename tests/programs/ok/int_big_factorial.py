def factorial(n: int) -> int:
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def main() -> None:
    for n in [0, 1, 5, 20, 21, 25, 30, 50]:
        print(n, factorial(n))
    f100 = factorial(100)
    print(f100)
    print(len(str(f100)), f100 % 1000003)
    s = str(factorial(300))
    print(len(s), s[:20], s.count("0"))


main()
