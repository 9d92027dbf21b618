def run() -> None:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        raise KeyError("c")


run()
