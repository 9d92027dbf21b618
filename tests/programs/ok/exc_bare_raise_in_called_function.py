# A bare `raise` in a function called from an `except` block re-raises the exception
# that block is handling (CPython keeps the handled exception per thread).


def again() -> None:
    raise


def nested() -> None:
    try:
        raise ValueError("inner")
    except ValueError:
        again()


try:
    raise KeyError("k")
except KeyError:
    try:
        again()
    except KeyError as e:
        print("got", repr(e))
try:
    nested()
except ValueError as e:
    print("got", repr(e))
try:
    raise KeyError("outer")
except KeyError:
    try:
        nested()
    except ValueError as e:
        print("got", repr(e))
    try:
        again()
    except KeyError as e:
        print("still", repr(e))
try:
    again()
except RuntimeError as e:
    print("runtime", e)
