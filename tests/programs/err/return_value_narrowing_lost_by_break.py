def first_or_given(x: int | None, xs: list[int]) -> int:
    # A `break` leaves the loop while its test still holds: `x` may be None after it.
    while x is None:
        if xs:
            x = xs[0]
        break
    return x  # error: return-value


def after_else(x: int | None, n: int) -> int:
    if x is None:
        return 0
    for i in range(n):
        if i == 2:
            break
    else:
        x = None
    return x  # error: return-value


print(first_or_given(None, []), after_else(1, 3))
