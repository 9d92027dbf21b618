def anything() -> object:  # error: unsupported
    return 1


print(anything())
