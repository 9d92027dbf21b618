def kind_of(cls: type) -> str:  # error: unsupported
    return "class"


print("x")
