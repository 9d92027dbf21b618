# The end of an `except ... as err` handler deletes `err`, as CPython's `del err` does.


def rebound() -> int:
    err: Exception = ValueError("start")
    for i in range(2):
        try:
            if i == 1:
                raise KeyError(i)
        except KeyError as err:
            print("got", repr(err))
        else:
            print("no error", i, err)
    return len(str(err))


print(rebound())
