def a() -> None:
    try:
        b()
    finally:
        print("a finally")


def b() -> None:
    try:
        c()
    finally:
        print("b finally")


def c() -> None:
    try:
        raise RuntimeError("deep")
    finally:
        print("c finally")


def main() -> None:
    try:
        a()
    except RuntimeError as e:
        print("main caught", e)
    finally:
        print("main finally")


main()
