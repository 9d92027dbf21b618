def total(*values: int) -> int:  # error: unsupported
    return 0


print("x")
