def describe(n: int) -> str:
    match n:  # error: unsupported
        case 0:
            return "zero"
        case _:
            return "other"


print(describe(0))
