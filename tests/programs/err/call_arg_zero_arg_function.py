def now() -> int:
    return 0


print(now(1))  # error: call-arg
