class Greeter:
    def name(self) -> str:
        return "bob"

    def greet(self) -> str:
        return "hi " + name()  # error: name-defined


print(Greeter().greet())
