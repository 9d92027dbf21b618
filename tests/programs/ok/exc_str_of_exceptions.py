def main() -> None:
    print(str(ValueError("msg")), str(ValueError()), repr(str(RuntimeError())))
    print(str(KeyError("k")), str(KeyError(3)), str(IndexError("i")))
    e = ZeroDivisionError("custom")
    print(e)
    print(f"[{Exception('formatted')}]")
    try:
        raise ValueError
    except ValueError as err:
        print("bare class raised:", repr(str(err)))
    try:
        raise KeyError("with 'quotes'")
    except KeyError as err:
        print(err)
    try:
        raise NotImplementedError("later")
    except NotImplementedError as err:
        print(err)
    try:
        raise StopIteration("stop")
    except StopIteration as err:
        print("StopIteration:", err)
    try:
        raise OverflowError("too big")
    except OverflowError as err:
        print(err)
    try:
        raise TypeError("wrong type")
    except TypeError as err:
        print(err)


main()
