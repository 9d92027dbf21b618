def outer() -> int:
    def helper() -> int:
        return 1
    return helper()


print(helper())  # error: name-defined
