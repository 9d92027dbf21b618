def count_up(n: int) -> list[int]:
    i = 0
    while i < n:
        yield i  # error: unsupported
        i += 1
    return []


print(count_up(3))
