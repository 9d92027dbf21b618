def count(n: int) -> int:
    if n == 0:
        return 1 // n
    return count(n - 1)


count(4)
