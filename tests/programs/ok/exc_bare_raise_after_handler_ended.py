# A bare raise after a handler has ended (in the same frame, or at module level) has no
# active exception: RuntimeError, as in CPython.

def f() -> None:
    try:
        raise ValueError("first")
    except ValueError:
        pass
    raise


def g() -> None:
    for i in range(2):
        try:
            raise KeyError(i)
        except KeyError:
            continue
    raise


for fn in (f, g):
    try:
        fn()
    except RuntimeError as e:
        print("runtime", e)
try:
    raise KeyError("k")
except KeyError:
    print("handled")
try:
    raise
except RuntimeError as e:
    print("module", e)
f()
