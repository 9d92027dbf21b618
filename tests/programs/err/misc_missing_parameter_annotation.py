def double(x) -> int:  # error: misc
    return 2


print(double(2))
