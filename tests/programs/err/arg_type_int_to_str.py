def greet(name: str) -> str:
    return "hi " + name


print(greet(42))  # error: arg-type
