"""Module docstring is an expression statement."""


class Empty:
    """Only a docstring."""


class AlsoEmpty:
    pass


def nothing() -> None:
    """Does nothing."""
    pass


def main() -> None:
    nothing()
    for _ in range(3):
        pass
    if True:
        pass
    else:
        pass
    print(isinstance(Empty(), Empty), isinstance(AlsoEmpty(), AlsoEmpty))
    "a string expression statement"
    42
    print("done")


main()
