def greet(name: str, greeting: str = "hi") -> str:
    return greeting + " " + name


print(greet("ann", salutation="yo"))  # error: call-arg
