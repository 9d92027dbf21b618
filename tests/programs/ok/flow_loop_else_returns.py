# Loops whose `else` block returns, and constant-true tests: no missing return.


def countdown(n: int) -> int:
    while n > 0:
        n -= 1
    else:
        return n


def first_big(xs: list[int]) -> int:
    for x in xs:
        if x > 2:
            return x
    else:
        return -1


def spin(limit: int) -> int:
    count = 0
    while 1:
        count += 1
        if count >= limit:
            return count


def settle(x: int | None) -> int:
    while x is None:
        x = 3
    return x


def search(xs: list[int], wanted: int) -> str:
    for idx, x in enumerate(xs):
        if x == wanted:
            break
    else:
        return "missing"
    return f"at {idx}"


print(countdown(3), first_big([1, 5]), first_big([]), spin(4), settle(None), settle(7))
print(search([4, 5, 6], 5), search([1], 9))
