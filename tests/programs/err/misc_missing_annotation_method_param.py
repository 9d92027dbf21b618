class Greeter:
    def greet(self, name) -> str:  # error: misc
        return "hi"


print(Greeter().greet("x"))
