def show(x: int | str) -> None:  # error: unsupported
    print(x)


show(1)
