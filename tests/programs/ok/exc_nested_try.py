def main() -> None:
    try:
        try:
            int("x")
        except KeyError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught:", e)
    try:
        try:
            raise IndexError("first")
        except IndexError:
            raise KeyError("second")
    except KeyError as e:
        print("outer caught", e)
    try:
        try:
            print("inner ok")
        except ValueError:
            print("no")
        else:
            raise RuntimeError("from else")
    except RuntimeError as e:
        print("caught from else:", e)


main()
