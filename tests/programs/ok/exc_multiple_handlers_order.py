class Base(Exception):
    pass


class Child(Base):
    pass


def main() -> None:
    for exc in [Child("c"), Base("b"), ValueError("v")]:
        try:
            raise exc
        except Child as e:
            print("Child handler", e)
        except Base as e:
            print("Base handler", e)
        except Exception as e:
            print("Exception handler", e)
    try:
        raise Child("first match wins")
    except Base as e:
        print("Base first:", e)
    except Child:
        print("unreachable")


main()
