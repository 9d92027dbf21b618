def first() -> None:
    secret = 42
    print(secret)


def second() -> None:
    print(secret)  # error: name-defined


first()
second()
