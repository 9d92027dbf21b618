class Walker:
    def walk(self) -> str:
        return "walk"


class Swimmer:
    def swim(self) -> str:
        return "swim"


class Duck(Walker, Swimmer):  # error: unsupported
    pass


print("x")
