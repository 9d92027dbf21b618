class Outer:
    class Inner:  # error: unsupported
        pass


print("x")
