def helper() -> int:
    return 1


def helper() -> int:  # error: misc
    return 2


print(helper())
