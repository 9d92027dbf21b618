async def fetch() -> int:  # error: unsupported
    return 1


print("x")
