def c(n: int) -> int:
    return 10 // n


def b(n: int) -> int:
    return c(n - 1) + 1


def a(n: int) -> int:
    print("a called with", n)
    return b(n) * 2


print(a(3))
print(a(1))
